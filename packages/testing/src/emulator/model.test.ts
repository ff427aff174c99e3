import type { Customer, Invoice } from '@amberkit/core/schemas';
import { ErrorResponse } from '@amberkit/core/schemas';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import * as z from 'zod/mini';
import {
  StrictCustomer,
  StrictInvoice,
  StrictPlanAssignment,
  StrictPrepaidOrder,
} from './strict-schemas.js';
import { type Call, type Harness, MODES, openHarness } from './test-support.js';

/** The simple model: what a correct emulator must hold after any sequence of calls. */
type Model = {
  customers: Map<string, Customer>;
  invoices: Map<string, Invoice[]>;
  prepaid: number;
  plans: number;
};
type Real = { h: Harness; call: Call };

const ids = fc.constantFrom('c-1', 'c-2', 'c/3', 'ü 4', '../5');
const customerBody = fc.record(
  {
    customerName: fc.string({ minLength: 1, maxLength: 12 }),
    customerEmail: fc.constantFrom('a@b.example.com', 'x@y.example.org'),
    lifecycleStage: fc.constantFrom('ONBOARDING', 'TRAIL', 'ACTIVE', 'OFFBOARDED'),
    traits: fc.dictionary(fc.string({ minLength: 1, maxLength: 5 }), fc.string({ maxLength: 5 }), {
      maxKeys: 3,
    }),
    test: fc.boolean(),
  },
  { requiredKeys: ['customerName'] },
);

const errorCode = async (res: Response) => ErrorResponse.parse(await res.json()).code;
const path = (id: string) => `/customers/${encodeURIComponent(id)}`;
const without = (c: Customer) => {
  const { createTime: _c, updateTime: _u, ...rest } = c;
  return rest;
};

type Cmd = fc.AsyncCommand<Model, Real>;
const command = (name: string, run: (m: Model, r: Real) => Promise<void>): Cmd => ({
  check: () => true,
  run,
  toString: () => name,
});

const commands = [
  fc.tuple(ids, customerBody).map(([id, body]) =>
    command(`create ${id}`, async (m, { call }) => {
      const res = await call('/customers', { method: 'POST', json: { customerId: id, ...body } });
      if (m.customers.has(id)) {
        expect(res.status).toBe(400);
        expect(await errorCode(res)).toBe('CONFLICT');
        return;
      }
      expect(res.status).toBe(200);
      const created = StrictCustomer.parse(await res.json());
      expect(without(created)).toEqual({ customerId: id, ...body });
      m.customers.set(id, created);
    }),
  ),
  fc.tuple(ids, customerBody).map(([id, body]) =>
    command(`update ${id}`, async (m, { call }) => {
      const res = await call('/customers', {
        method: 'PUT',
        json: { customerId: id, ...body, createTime: 1 },
      });
      const before = m.customers.get(id);
      if (!before) {
        expect(res.status).toBe(404);
        return;
      }
      expect(res.status).toBe(200);
      const updated = StrictCustomer.parse(await res.json());
      expect(without(updated)).toEqual({ customerId: id, ...body });
      expect(updated.createTime).toBe(before.createTime);
      expect(updated.updateTime).toBeGreaterThan(before.updateTime ?? 0);
      m.customers.set(id, updated);
    }),
  ),
  ids.map((id) =>
    command(`delete ${id}`, async (m, { call }) => {
      const res = await call(path(id), { method: 'DELETE' });
      expect(res.status).toBe(m.customers.has(id) ? 200 : 404);
      m.customers.delete(id);
      m.invoices.delete(id);
    }),
  ),
  ids.map((id) =>
    command(`get ${id}`, async (m, { call }) => {
      const res = await call(path(id));
      const expected = m.customers.get(id);
      expect(res.status).toBe(expected ? 200 : 404);
      if (expected) expect(StrictCustomer.parse(await res.json())).toEqual(expected);
      else expect(await errorCode(res)).toBe('NOT_FOUND');
    }),
  ),
  fc.constant(
    command('list', async (m, { call }) => {
      const list = z.array(StrictCustomer).parse(await (await call('/customers')).json());
      expect(list).toEqual([...m.customers.values()]);
    }),
  ),
  fc.tuple(ids, fc.integer({ min: 0, max: 3 })).map(([id, n]) =>
    command(`add ${n} invoices to ${id}`, async (m, { call }) => {
      const res = await call('/_emulator/invoices', {
        method: 'POST',
        key: null,
        json: {
          customerId: id,
          invoices: Array.from({ length: n }, (_, i) => ({ totalAmount: i + 0.25 })),
        },
      });
      if (!m.customers.has(id)) {
        expect(res.status).toBe(404);
        return;
      }
      const stored = z.array(StrictInvoice).parse(await res.json());
      m.invoices.set(id, [...(m.invoices.get(id) ?? []), ...stored]);
    }),
  ),
  ids.map((id) =>
    command(`invoices of ${id}`, async (m, { call }) => {
      const res = await call(
        `/payments-billing-customer-product-invoice?customerId=${encodeURIComponent(id)}`,
      );
      expect(res.status).toBe(200);
      expect(z.array(StrictInvoice).parse(await res.json())).toEqual(m.invoices.get(id) ?? []);
    }),
  ),
  fc.tuple(ids, fc.double({ min: 0.01, max: 1e6, noNaN: true })).map(([id, amount]) =>
    command(`prepaid ${id}`, async (m, { call }) => {
      const res = await call('/payments-pricing-amberflo-customer-prepaid', {
        method: 'POST',
        json: { customerId: id, amount },
      });
      if (!m.customers.has(id)) return expect(res.status).toBe(404);
      expect(StrictPrepaidOrder.parse(await res.json())).toMatchObject({
        customerId: id,
        amount,
        currency: 'USD',
      });
      m.prepaid++;
    }),
  ),
  fc.tuple(ids, fc.constantFrom('plan-a', 'plan-b')).map(([id, productId]) =>
    command(`plan ${id}`, async (m, { call }) => {
      const res = await call('/payments-pricing-amberflo-customer-pricing', {
        method: 'POST',
        json: { customerId: id, productId },
      });
      if (!m.customers.has(id)) return expect(res.status).toBe(404);
      expect(StrictPlanAssignment.parse(await res.json())).toMatchObject({
        customerId: id,
        productId,
      });
      m.plans++;
    }),
  ),
  fc
    .tuple(
      ids,
      fc.constantFrom(
        {},
        { customerName: '' },
        { customerName: 5 },
        { customerName: 'x', address: {} },
      ),
    )
    .map(([id, bad]) =>
      command(`invalid create ${id}`, async (_m, { call }) => {
        const res = await call('/customers', { method: 'POST', json: { customerId: id, ...bad } });
        expect(res.status).toBe(400);
        expect(await errorCode(res)).toBe('VALIDATION_FAILED');
      }),
    ),
];

/** After every sequence, the emulator's whole state equals the model's. */
function expectStateMatches(m: Model, h: Harness): void {
  const snapshot = h.emulator.snapshot();
  expect(snapshot.customers).toEqual([...m.customers.values()]);
  expect(snapshot.invoices).toEqual([...m.invoices.values()].flat());
  expect(snapshot.prepaidOrders.length).toBe(m.prepaid);
  expect(snapshot.planAssignments.length).toBe(m.plans);
}

describe.each(MODES)('model-based: any sequence of calls (%s)', (mode) => {
  test('leaves the emulator in the model state, with strict responses throughout', async () => {
    await fc.assert(
      fc.asyncProperty(fc.commands(commands, { maxCommands: 40 }), async (cmds) => {
        await using h = await openHarness(mode, { dataset: 'empty' });
        const model: Model = { customers: new Map(), invoices: new Map(), prepaid: 0, plans: 0 };
        await fc.asyncModelRun(() => ({ model, real: { h, call: h.call } }), cmds);
        expectStateMatches(model, h);
      }),
      { numRuns: mode === 'tcp' ? 25 : 100 },
    );
  }, 60_000);
});
