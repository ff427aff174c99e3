import { ErrorResponse } from '@amberkit/core/schemas';
import { describe, expect, test } from 'vitest';
import * as z from 'zod/mini';
import {
  acmeInvoice,
  examplePlanAssignment,
  examplePrepaidOrderRequest,
} from '../fixtures/examples.js';
import { StrictInvoice, StrictPlanAssignment, StrictPrepaidOrder } from './strict-schemas.js';
import { MODES, openHarness } from './test-support.js';

const INVOICES = '/payments-billing-customer-product-invoice';
const PREPAID = '/payments-pricing-amberflo-customer-prepaid';
const PLAN = '/payments-pricing-amberflo-customer-pricing';

describe.each(MODES)('invoices, prepaid orders, plan assignments (%s)', (mode) => {
  test('invoices are listed per customer, with period bounds in seconds', async () => {
    await using h = await openHarness(mode);
    const res = await h.call(`${INVOICES}?customerId=customer-123456`);
    expect(res.status).toBe(200);
    const list = z.array(StrictInvoice).parse(await res.json());
    expect(list).toEqual([acmeInvoice]);
    const other = z
      .array(StrictInvoice)
      .parse(await (await h.call(`${INVOICES}?customerId=demo-00001`)).json());
    expect(other.length).toBe(4);
    expect(other.every((i) => i.customerId === 'demo-00001')).toBe(true);
  });

  test('invoices of an unknown customer are 200 []', async () => {
    await using h = await openHarness(mode);
    const res = await h.call(`${INVOICES}?customerId=nobody`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual([]);
  });

  test.each(['', '?customerId=', '?other=1'])(
    'invoices without customerId (%s) are 400 naming it',
    async (query) => {
      await using h = await openHarness(mode);
      const res = await h.call(`${INVOICES}${query}`);
      expect(res.status).toBe(400);
      const body = ErrorResponse.parse(await res.json());
      expect(body).toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ path: 'customerId' }] });
    },
  );

  test('a deleted customer has no invoices', async () => {
    await using h = await openHarness(mode);
    await h.call('/customers/customer-123456', { method: 'DELETE' });
    expect(await (await h.call(`${INVOICES}?customerId=customer-123456`)).json()).toEqual([]);
  });

  test('a prepaid order gets orderId and createTime (ms) and is stored', async () => {
    await using h = await openHarness(mode);
    const res = await h.call(PREPAID, { method: 'POST', json: examplePrepaidOrderRequest });
    expect(res.status).toBe(200);
    const order = StrictPrepaidOrder.parse(await res.json());
    expect(order).toMatchObject(examplePrepaidOrderRequest);
    expect(order.orderId).toMatch(/^order-/);
    expect(order.createTime).toBeGreaterThan(1e12);
    expect(h.emulator.snapshot(undefined).prepaidOrders).toEqual([order]);
  });

  test('a prepaid order without currency is USD; server fields in the body are ignored', async () => {
    await using h = await openHarness(mode);
    const res = await h.call(PREPAID, {
      method: 'POST',
      json: { customerId: 'customer-123456', amount: 10, orderId: 'mine', createTime: 3 },
    });
    const order = StrictPrepaidOrder.parse(await res.json());
    expect(order.currency).toBe('USD');
    expect(order.orderId).not.toBe('mine');
    expect(order.createTime).not.toBe(3);
  });

  test.each([
    ['missing amount', { customerId: 'customer-123456' }, 'amount'],
    ['negative amount', { customerId: 'customer-123456', amount: -1 }, 'amount'],
    ['amount as string', { customerId: 'customer-123456', amount: '5' }, 'amount'],
    [
      'lowercase currency',
      { customerId: 'customer-123456', amount: 1, currency: 'usd' },
      'currency',
    ],
    [
      'fractional expiration',
      { customerId: 'customer-123456', amount: 1, expirationTime: 1.5 },
      'expirationTime',
    ],
  ])('a prepaid order with %s is 400 naming the field', async (_name, json, path) => {
    await using h = await openHarness(mode);
    const res = await h.call(PREPAID, { method: 'POST', json });
    expect(res.status).toBe(400);
    expect(((await res.json()) as ErrorResponse).issues?.map((i) => i.path)).toContain(path);
    expect(h.emulator.snapshot().prepaidOrders).toEqual([]);
  });

  test('a prepaid order or plan for an unknown customer is 404 NOT_FOUND', async () => {
    await using h = await openHarness(mode);
    for (const path of [PREPAID, PLAN]) {
      const res = await h.call(path, {
        method: 'POST',
        json: { customerId: 'ghost', amount: 5, productId: 'p' },
      });
      expect(res.status).toBe(404);
      expect(await res.json()).toMatchObject({
        code: 'NOT_FOUND',
        issues: [{ path: 'customerId' }],
      });
    }
  });

  test('times in seconds where the spec wants milliseconds are 400 naming the field', async () => {
    await using h = await openHarness(mode);
    const prepaid = await h.call(PREPAID, {
      method: 'POST',
      json: { ...examplePrepaidOrderRequest, expirationTime: 1_749_686_400 },
    });
    expect(prepaid.status).toBe(400);
    expect(await prepaid.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      issues: [{ path: 'expirationTime', message: expect.stringContaining('seconds') }],
    });
    const plan = await h.call(PLAN, {
      method: 'POST',
      json: { ...examplePlanAssignment, startTime: 1_718_153_645 },
    });
    expect(plan.status).toBe(400);
    expect(await plan.json()).toMatchObject({
      issues: [{ path: 'startTime', message: expect.stringContaining('seconds') }],
    });
    expect(h.emulator.snapshot().prepaidOrders).toEqual([]);
    expect(h.emulator.snapshot().planAssignments).toEqual([]);
  });

  test('a plan assignment is stored and echoed', async () => {
    await using h = await openHarness(mode);
    const res = await h.call(PLAN, { method: 'POST', json: examplePlanAssignment });
    expect(res.status).toBe(200);
    expect(StrictPlanAssignment.parse(await res.json())).toEqual(examplePlanAssignment);
    expect(h.emulator.snapshot().planAssignments).toEqual([examplePlanAssignment]);
  });

  test('a plan assignment without startTime starts now (ms)', async () => {
    await using h = await openHarness(mode, { clock: () => 1_800_000_000_000 });
    const res = await h.call(PLAN, {
      method: 'POST',
      json: { customerId: 'customer-123456', productId: 'plan-growth' },
    });
    expect(await res.json()).toEqual({
      customerId: 'customer-123456',
      productId: 'plan-growth',
      startTime: 1_800_000_000_000,
    });
  });

  test.each([
    ['missing productId', { customerId: 'customer-123456' }, 'productId'],
    ['empty customerId', { customerId: '', productId: 'p' }, 'customerId'],
    [
      'negative startTime',
      { customerId: 'customer-123456', productId: 'p', startTime: -1 },
      'startTime',
    ],
  ])('a plan assignment with %s is 400 naming the field', async (_name, json, path) => {
    await using h = await openHarness(mode);
    const res = await h.call(PLAN, { method: 'POST', json });
    expect(res.status).toBe(400);
    expect(((await res.json()) as ErrorResponse).issues?.map((i) => i.path)).toContain(path);
  });
});
