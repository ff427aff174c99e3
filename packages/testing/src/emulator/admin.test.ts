import { ErrorResponse } from '@amberkit/core/schemas';
import { describe, expect, test } from 'vitest';
import * as z from 'zod/mini';
import { StrictInvoice } from './strict-schemas.js';
import { KEY, MODES, openHarness } from './test-support.js';

const json = (body: unknown) => ({ key: null, json: body });

describe.each(MODES)('admin API under /_emulator/ (%s)', (mode) => {
  test('GET health needs no key and counts accounts', async () => {
    await using h = await openHarness(mode, { accounts: [KEY, 'k2', 'k3'] });
    const res = await h.call('/_emulator/health', { key: null });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', accounts: 3 });
  });

  test('POST reset restores the dataset and clears faults and the request log', async () => {
    await using h = await openHarness(mode, { accounts: [KEY, 'k2'] });
    await h.call('/customers/customer-123456', { method: 'DELETE' });
    await h.call('/customers', {
      method: 'POST',
      key: 'k2',
      json: { customerId: 'c', customerName: 'C' },
    });
    await h.call('/_emulator/faults', {
      method: 'PUT',
      ...json({ rules: [{ path: '/nowhere', status: 503 }] }),
    });
    const res = await h.call('/_emulator/reset', { method: 'POST', key: null });
    expect(res.status).toBe(200);
    expect((await h.call('/customers/customer-123456')).status).toBe(200);
    expect(await (await h.call('/customers', { key: 'k2' })).json()).toEqual([]);
    expect(await (await h.call('/_emulator/faults', { key: null })).json()).toEqual({ rules: [] });
    const log = (await (await h.call('/_emulator/requests', { key: null })).json()) as unknown[];
    expect(log.length).toBe(2);
  });

  test('POST reset takes a dataset and a seed', async () => {
    await using h = await openHarness(mode);
    await h.call('/_emulator/reset', { method: 'POST', ...json({ dataset: 'empty' }) });
    expect(await (await h.call('/customers')).json()).toEqual([]);
    await h.call('/_emulator/reset', { method: 'POST', ...json({ dataset: 'demo', seed: 7 }) });
    const list = (await (await h.call('/customers')).json()) as Array<{ customerName: string }>;
    expect(list.length).toBe(33);
    const bad = await h.call('/_emulator/reset', { method: 'POST', ...json({ dataset: 'full' }) });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ issues: [{ path: 'dataset' }] });
  });

  test('POST reset refuses a seed outside 0..2^32-1, naming it, and changes nothing', async () => {
    await using h = await openHarness(mode, { seed: 2 });
    await h.call('/customers/customer-123456', { method: 'DELETE' });
    for (const seed of [-1, 4_294_967_296, 4_294_967_297]) {
      const res = await h.call('/_emulator/reset', { method: 'POST', ...json({ seed }) });
      expect(res.status).toBe(400);
      const body = ErrorResponse.parse(await res.json());
      expect(body).toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ path: 'seed' }] });
      expect(body.message).toContain('4294967295');
    }
    expect((await h.call('/customers/customer-123456')).status).toBe(404);
    const max = await h.call('/_emulator/reset', {
      method: 'POST',
      ...json({ seed: 4_294_967_295 }),
    });
    expect(max.status).toBe(200);
  });

  test('GET requests lists calls with a non-secret account label; DELETE clears', async () => {
    await using h = await openHarness(mode, { accounts: [KEY, 'second-secret'] });
    await h.call('/customers/customer-123456');
    await h.call('/payments-billing-customer-product-invoice?customerId=x', {
      key: 'second-secret',
    });
    await h.call('/customers', { key: 'wrong' });
    const res = await h.call('/_emulator/requests', { key: null });
    const text = await res.text();
    expect(text).not.toContain('second-secret');
    expect(text).not.toContain(KEY);
    const log = JSON.parse(text) as Array<Record<string, unknown>>;
    expect(log).toEqual([
      {
        method: 'GET',
        path: '/customers/customer-123456',
        query: {},
        status: 200,
        time: expect.any(Number),
        requestId: expect.any(String),
        account: 'account-1',
      },
      {
        method: 'GET',
        path: '/payments-billing-customer-product-invoice',
        query: { customerId: 'x' },
        status: 200,
        time: expect.any(Number),
        requestId: expect.any(String),
        account: 'account-2',
      },
      {
        method: 'GET',
        path: '/customers',
        query: {},
        status: 401,
        time: expect.any(Number),
        requestId: expect.any(String),
        account: null,
      },
    ]);
    expect(
      await (await h.call('/_emulator/requests', { method: 'DELETE', key: null })).json(),
    ).toEqual({ cleared: 3 });
    expect(await (await h.call('/_emulator/requests', { key: null })).json()).toEqual([]);
  });

  test('the request log is a ring buffer keeping the newest entries', async () => {
    await using h = await openHarness(mode, { requestLogSize: 3 });
    for (const id of ['a', 'b', 'c', 'd', 'e']) await h.call(`/customers/${id}`);
    const log = (await (await h.call('/_emulator/requests', { key: null })).json()) as Array<{
      path: string;
    }>;
    expect(log.map((e) => e.path)).toEqual(['/customers/c', '/customers/d', '/customers/e']);
  });

  test('the request log holds 10,000 entries by default', async () => {
    await using h = await openHarness('in-process');
    for (let i = 0; i < 10_005; i++)
      await h.emulator.fetch(`/customers/n${i}`, { headers: { 'x-api-key': KEY } });
    const log = h.emulator.requests();
    expect(log.length).toBe(10_000);
    expect(log[0]?.path).toBe('/customers/n5');
  });

  test('PUT faults replaces all rules, DELETE clears, bad rules are 400', async () => {
    await using h = await openHarness(mode);
    const put = await h.call('/_emulator/faults', {
      method: 'PUT',
      ...json({ rules: [{ method: 'get', path: '/customers', status: 503 }] }),
    });
    expect(await put.json()).toEqual({
      rules: [{ method: 'GET', path: '/customers', status: 503 }],
    });
    expect((await h.call('/customers')).status).toBe(503);
    await h.call('/_emulator/faults', {
      method: 'PUT',
      ...json({ rules: [{ path: '/payments', status: 500 }] }),
    });
    expect((await h.call('/customers')).status).toBe(200);
    await h.call('/_emulator/faults', { method: 'DELETE', key: null });
    expect((await h.call('/payments-billing-customer-product-invoice?customerId=a')).status).toBe(
      200,
    );
    for (const [rules, path] of [
      [[{ rate: 2 }], 'rules.0.rate'],
      [[{ status: 200 }], 'rules.0.status'],
      [[{ path: 'customers' }], 'rules.0.path'],
      [[{ lantency: 5 }], 'rules.0'],
      [[{ retryAfterSeconds: 5 }], 'rules.0.retryAfterSeconds'],
      ['all', 'rules'],
    ] as const) {
      const res = await h.call('/_emulator/faults', { method: 'PUT', ...json({ rules }) });
      expect(res.status).toBe(400);
      const body = ErrorResponse.parse(await res.json());
      expect(body.issues?.map((i) => i.path)).toContain(path);
    }
  });

  test('POST invoices fills defaults, stores, and answers the stored invoices', async () => {
    await using h = await openHarness(mode, { clock: () => 1_800_000_000_000 });
    const res = await h.call('/_emulator/invoices', {
      method: 'POST',
      ...json({
        customerId: 'customer-123456',
        invoices: [
          {},
          { totalAmount: 1500, currency: 'JPY', status: 'PENDING', invoiceId: 'inv-x' },
        ],
      }),
    });
    expect(res.status).toBe(200);
    const stored = z.array(StrictInvoice).parse(await res.json());
    expect(stored[0]).toMatchObject({
      customerId: 'customer-123456',
      startTime: 1_800_000_000 - 2_592_000,
      endTime: 1_800_000_000,
      totalAmount: 0,
      currency: 'USD',
      status: 'DRAFT',
    });
    expect(stored[1]).toMatchObject({
      invoiceId: 'inv-x',
      totalAmount: 1500,
      currency: 'JPY',
      status: 'PENDING',
    });
    const listed = await (
      await h.call('/payments-billing-customer-product-invoice?customerId=customer-123456')
    ).json();
    expect(listed).toEqual([expect.objectContaining({ invoiceId: 'inv-500123' }), ...stored]);
  });

  test('POST invoices rejects unknown customers, millisecond times and bad bodies', async () => {
    await using h = await openHarness(mode);
    const unknown = await h.call('/_emulator/invoices', {
      method: 'POST',
      ...json({ customerId: 'ghost', invoices: [{}] }),
    });
    expect(unknown.status).toBe(404);
    const ms = await h.call('/_emulator/invoices', {
      method: 'POST',
      ...json({ customerId: 'customer-123456', invoices: [{ startTime: 1_718_100_000_000 }] }),
    });
    expect(ms.status).toBe(400);
    expect(await ms.json()).toMatchObject({
      issues: [{ path: 'invoices.0.startTime', message: expect.stringContaining('seconds') }],
    });
    const status = await h.call('/_emulator/invoices', {
      method: 'POST',
      ...json({ customerId: 'customer-123456', invoices: [{ status: 'LOST' }] }),
    });
    expect(await status.json()).toMatchObject({ issues: [{ path: 'invoices.0.status' }] });
  });

  test.each([
    [
      'a startTime whose default end is past 2199',
      { startTime: 7_258_118_399 - 86_400 },
      'endTime',
    ],
    ['an endTime whose default start is before 2000', { endTime: 946_684_800 + 100 }, 'startTime'],
    ['a startTime before 2000', { startTime: 1000 }, 'startTime'],
    ['an endTime in milliseconds', { endTime: 1_718_153_645_993 }, 'endTime'],
    ['an unknown currency code', { currency: 'ABC' }, 'currency'],
    ['a lower-case currency code', { currency: 'usd' }, 'currency'],
    ['an empty invoiceId', { invoiceId: '' }, 'invoiceId'],
  ])(
    'POST invoices refuses %s, naming the field and storing nothing',
    async (_name, invoice, field) => {
      await using h = await openHarness(mode);
      const res = await h.call('/_emulator/invoices', {
        method: 'POST',
        ...json({ customerId: 'customer-123456', invoices: [{ totalAmount: 1 }, invoice] }),
      });
      expect(res.status).toBe(400);
      const body = ErrorResponse.parse(await res.json());
      expect(body).toMatchObject({ code: 'VALIDATION_FAILED' });
      expect(body.issues?.map((i) => i.path)).toEqual([`invoices.1.${field}`]);
      expect(body.message).toContain(`invoices.1.${field}`);
      const listed = await (
        await h.call('/payments-billing-customer-product-invoice?customerId=customer-123456')
      ).json();
      expect(listed).toEqual([expect.objectContaining({ invoiceId: 'inv-500123' })]);
    },
  );

  test('POST invoices stores what StrictInvoice accepts at the edges of the defaults', async () => {
    await using h = await openHarness(mode);
    const res = await h.call('/_emulator/invoices', {
      method: 'POST',
      ...json({
        customerId: 'customer-123456',
        invoices: [
          { endTime: 946_684_800 + 2_592_000 },
          { startTime: 7_258_118_399 - 2_592_000 },
          { currency: 'KWD' },
        ],
      }),
    });
    expect(res.status).toBe(200);
    const stored = z.array(StrictInvoice).parse(await res.json());
    expect(stored.map((i) => [i.startTime, i.endTime])).toEqual([
      [946_684_800, 946_684_800 + 2_592_000],
      [7_258_118_399 - 2_592_000, 7_258_118_399],
      [expect.any(Number), expect.any(Number)],
    ]);
  });

  test('POST invoices refuses a duplicate invoiceId, a mismatched customer and a reversed period, storing nothing', async () => {
    await using h = await openHarness(mode);
    const post = (invoices: unknown[]) =>
      h.call('/_emulator/invoices', {
        method: 'POST',
        ...json({ customerId: 'customer-123456', invoices }),
      });
    const existing = await post([{ totalAmount: 1 }, { invoiceId: 'inv-500123' }]);
    expect(existing.status).toBe(400);
    expect(ErrorResponse.parse(await existing.json())).toMatchObject({
      code: 'CONFLICT',
      issues: [{ path: 'invoices.1.invoiceId', message: expect.stringContaining('inv-500123') }],
    });
    const twice = await post([{ invoiceId: 'inv-new' }, { invoiceId: 'inv-new' }]);
    expect(await twice.json()).toMatchObject({
      code: 'CONFLICT',
      issues: [{ path: 'invoices.1.invoiceId' }],
    });
    const many = ErrorResponse.parse(
      await (await post(Array.from({ length: 500 }, () => ({ invoiceId: 'inv-same' })))).json(),
    );
    expect(many.issues).toHaveLength(499);
    expect(many.message).toMatch(/; and 496 more$/);
    const mismatch = await post([{ customerId: 'demo-00001' }]);
    expect(await mismatch.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      issues: [{ path: 'invoices.0.customerId' }],
    });
    const reversed = await post([{ startTime: 1_718_186_400, endTime: 1_718_100_000 }]);
    expect(await reversed.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      issues: [{ path: 'invoices.0.endTime' }],
    });
    const listed = await (
      await h.call('/payments-billing-customer-product-invoice?customerId=customer-123456')
    ).json();
    expect(listed).toEqual([expect.objectContaining({ invoiceId: 'inv-500123' })]);
  });

  test('POST invoices answers fields in one order, and a deleted customer frees its invoice ids', async () => {
    await using h = await openHarness(mode);
    await h.call('/customers/customer-123456', { method: 'DELETE' });
    await h.call('/customers', {
      method: 'POST',
      json: { customerId: 'customer-123456', customerName: 'Acme again' },
    });
    const res = await h.call('/_emulator/invoices', {
      method: 'POST',
      ...json({
        customerId: 'customer-123456',
        invoices: [{ status: 'PAID', currency: 'EUR', invoiceId: 'inv-500123', note: 'kept' }],
      }),
    });
    expect(res.status).toBe(200);
    const [stored] = (await res.json()) as Array<Record<string, unknown>>;
    expect(Object.keys(stored ?? {})).toEqual([
      'invoiceId',
      'customerId',
      'startTime',
      'endTime',
      'totalAmount',
      'currency',
      'status',
      'note',
    ]);
  });

  test('POST invoices picks the account by X-API-KEY when sent', async () => {
    await using h = await openHarness(mode, { accounts: [KEY, 'k2'] });
    await h.call('/customers', {
      method: 'POST',
      key: 'k2',
      json: { customerId: 'c2', customerName: 'C' },
    });
    const res = await h.call('/_emulator/invoices', {
      method: 'POST',
      key: 'k2',
      json: { customerId: 'c2', invoices: [{ totalAmount: 5 }] },
    });
    expect(res.status).toBe(200);
    const list = await (
      await h.call('/payments-billing-customer-product-invoice?customerId=c2', { key: 'k2' })
    ).json();
    expect(list).toEqual([expect.objectContaining({ totalAmount: 5 })]);
    const wrong = await h.call('/_emulator/invoices', {
      method: 'POST',
      key: 'nope',
      json: { customerId: 'c2', invoices: [] },
    });
    expect(wrong.status).toBe(401);
  });
});
