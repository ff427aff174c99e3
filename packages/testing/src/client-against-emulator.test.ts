import {
  AbortError,
  type AmberfloClientOptions,
  type AmberfloError,
  BadRequestError,
  ConflictError,
  ConnectionError,
  createAmberfloClient,
  ForbiddenError,
  isAmberfloError,
  NotFoundError,
  RateLimitError,
  RequestValidationError,
  ServerError,
  TimeoutError,
  UnauthorizedError,
} from '@amberkit/core/client';
import type { CustomerRequest } from '@amberkit/core/schemas';
import { describe, expect, test } from 'vitest';
import { createEmulator, type Emulator } from './emulator/create-emulator.js';
import {
  StrictCustomer,
  StrictInvoice,
  StrictPlanAssignment,
  StrictPrepaidOrder,
} from './emulator/strict-schemas.js';
import { until } from './emulator/test-support.js';
import type { EmulatorOptions } from './emulator/types.js';
import {
  acmeCustomer,
  acmeInvoice,
  examplePlanAssignment,
  examplePrepaidOrderRequest,
} from './fixtures/examples.js';

const KEY = 'client-key';
const MODES = ['tcp', 'in-process'] as const;

/** Core's client against the emulator, over TCP (its own fetch) or in-process (`emulator.fetch`). */
async function setup(
  mode: (typeof MODES)[number],
  options: EmulatorOptions = {},
  client: Partial<AmberfloClientOptions> = {},
) {
  const emulator = createEmulator({ accounts: [KEY, 'other-key'], ...options });
  const server = mode === 'tcp' ? await emulator.listen() : undefined;
  const make = (extra: Partial<AmberfloClientOptions> = {}) =>
    createAmberfloClient({
      apiKey: KEY,
      baseUrl: server?.url ?? 'http://emulator.local',
      retry: { baseDelayMs: 5, maxDelayMs: 20 },
      ...(server
        ? {}
        : {
            fetch: async (input: RequestInfo | URL, init?: RequestInit) =>
              emulator.fetch(input as Request, init),
          }),
      ...client,
      ...extra,
    });
  return {
    emulator,
    client: make(),
    make,
    [Symbol.asyncDispose]: async () => {
      await server?.close();
      await emulator.close();
    },
  };
}

const statuses = (emulator: Emulator) => emulator.requests().map((e) => e.status);
const newCustomer: CustomerRequest = {
  customerId: 'client-1',
  customerName: 'Client One',
  customerEmail: 'ap@client.example.com',
  traits: { tier: 'pro' },
};

describe.each(MODES)('core client against the emulator (%s)', (mode) => {
  describe('each method, with state', () => {
    test('customers.list and get return the dataset, validated strictly', async () => {
      await using ctx = await setup(mode);
      const list = await ctx.client.customers.list();
      expect(list.length).toBe(33);
      for (const customer of list) StrictCustomer.parse(customer);
      expect(await ctx.client.customers.get('customer-123456')).toEqual(acmeCustomer);
    });

    test('customers.create, then get and list see it; update replaces; delete removes', async () => {
      await using ctx = await setup(mode, { dataset: 'empty' });
      const created = StrictCustomer.parse(
        await ctx.client.customers.create(newCustomer, { autoCreateCustomerInStripe: true }),
      );
      expect(created).toMatchObject(newCustomer);
      expect(await ctx.client.customers.get('client-1')).toEqual(created);
      expect(await ctx.client.customers.list()).toEqual([created]);
      const updated = await ctx.client.customers.update({
        ...created,
        customerName: 'Renamed',
        traits: undefined,
      });
      expect(updated).toMatchObject({ customerName: 'Renamed', createTime: created.createTime });
      expect(updated.traits).toBeUndefined();
      expect(updated.updateTime).toBeGreaterThan(created.updateTime ?? 0);
      await expect(ctx.client.customers.delete('client-1')).resolves.toBeUndefined();
      await expect(ctx.client.customers.get('client-1')).rejects.toBeInstanceOf(NotFoundError);
    });

    test('odd ids travel encoded and come back intact', async () => {
      await using ctx = await setup(mode, { dataset: 'empty' });
      for (const customerId of ['../x', 'a/b', 'ü ✓', '?#&']) {
        await ctx.client.customers.create({ customerId, customerName: 'Odd' });
        expect((await ctx.client.customers.get(customerId)).customerId).toBe(customerId);
        expect(await ctx.client.invoices.list({ customerId })).toEqual([]);
        await ctx.client.customers.delete(customerId);
      }
      expect(await ctx.client.customers.list()).toEqual([]);
    });

    test('customers with any email RFC 5321 allows are read strictly, one by one and listed', async () => {
      await using ctx = await setup(mode, { dataset: 'empty' });
      const emails = ['"john doe"@example.com', '"a@b"@example.com', 'ap@b', ''];
      const customers = emails.map((customerEmail, i) => ({
        customerId: `mail-${i}`,
        customerName: 'Mail',
        customerEmail,
        createTime: 1_718_153_645_993,
        updateTime: 1_718_153_645_993,
      }));
      ctx.emulator.load(KEY, { customers });
      expect(await ctx.client.customers.list()).toEqual(customers);
      expect(await ctx.client.customers.get('mail-0')).toEqual(customers[0]);
    });

    test('invoices.list, prepaidOrders.create and pricingPlans.assign', async () => {
      await using ctx = await setup(mode);
      expect(await ctx.client.invoices.list({ customerId: 'customer-123456' })).toEqual([
        acmeInvoice,
      ]);
      for (const invoice of await ctx.client.invoices.list({ customerId: 'demo-00005' }))
        StrictInvoice.parse(invoice);
      expect(await ctx.client.invoices.list({ customerId: 'nobody' })).toEqual([]);
      const order = StrictPrepaidOrder.parse(
        await ctx.client.prepaidOrders.create(examplePrepaidOrderRequest),
      );
      expect(order).toMatchObject(examplePrepaidOrderRequest);
      const usd = await ctx.client.prepaidOrders.create({
        customerId: 'customer-123456',
        amount: 1.25,
      });
      expect(usd.currency).toBe('USD');
      expect(
        StrictPlanAssignment.parse(await ctx.client.pricingPlans.assign(examplePlanAssignment)),
      ).toEqual(examplePlanAssignment);
      expect(ctx.emulator.snapshot().prepaidOrders).toHaveLength(2);
    });

    test('accounts are separate: another key sees its own data', async () => {
      await using ctx = await setup(mode);
      const other = ctx.make({ apiKey: 'other-key' });
      expect(await other.customers.list()).toEqual([]);
      await other.customers.create(newCustomer);
      await expect(ctx.client.customers.get('client-1')).rejects.toBeInstanceOf(NotFoundError);
    });
  });

  describe('each error class the emulator can produce', () => {
    test('a wrong key is UnauthorizedError, and the key is in no error', async () => {
      await using ctx = await setup(mode);
      const error = await ctx
        .make({ apiKey: 'wrong-secret' })
        .customers.list()
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UnauthorizedError);
      expect(error).toMatchObject({
        status: 401,
        code: 'UNAUTHORIZED',
        method: 'GET',
        path: '/customers',
      });
      expect((error as AmberfloError).requestId).toMatch(/^req-/);
      expect(JSON.stringify(error)).not.toContain('wrong-secret');
    });

    test('missing customers are NotFoundError on get, delete, update, prepaid and plan', async () => {
      await using ctx = await setup(mode);
      const calls = [
        () => ctx.client.customers.get('ghost'),
        () => ctx.client.customers.delete('ghost'),
        () => ctx.client.customers.update({ customerId: 'ghost', customerName: 'G' }),
        () => ctx.client.prepaidOrders.create({ customerId: 'ghost', amount: 5 }),
        () => ctx.client.pricingPlans.assign({ customerId: 'ghost', productId: 'p' }),
      ];
      for (const call of calls) {
        const error = await call().catch((e: unknown) => e);
        expect(error).toBeInstanceOf(NotFoundError);
        expect(error).toMatchObject({ status: 404, code: 'NOT_FOUND' });
      }
    });

    test('a duplicate customerId is ConflictError (400 CONFLICT)', async () => {
      await using ctx = await setup(mode);
      const error = await ctx.client.customers
        .create({ customerId: 'customer-123456', customerName: 'Dup' })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConflictError);
      expect(error).toMatchObject({ status: 400, code: 'CONFLICT' });
    });

    test('a body the client refuses is RequestValidationError and nothing is sent', async () => {
      await using ctx = await setup(mode);
      const error = await ctx.client.customers
        .create({ customerId: 'x', customerName: '' })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RequestValidationError);
      expect((error as AmberfloError).issues?.map((i) => i.path)).toContain('customerName');
      expect(ctx.emulator.requests()).toEqual([]);
    });

    test.each([
      [400, BadRequestError, 'VALIDATION_FAILED'],
      [403, ForbiddenError, 'FORBIDDEN'],
      [500, ServerError, 'INTERNAL'],
      [503, ServerError, 'UPSTREAM_UNAVAILABLE'],
    ] as const)('an injected %i is %o', async (status, ErrorClass, code) => {
      await using ctx = await setup(mode, { faults: [{ status }] }, { retry: false });
      const error = await ctx.client.customers.list().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ErrorClass);
      expect(isAmberfloError(error)).toBe(true);
      expect(error).toMatchObject({ status, code });
    });

    test('429 with Retry-After is RateLimitError carrying retryAfterMs', async () => {
      await using ctx = await setup(
        mode,
        { faults: [{ status: 429, retryAfterSeconds: 2 }] },
        { retry: false },
      );
      const error = await ctx.client.customers.list().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RateLimitError);
      expect((error as RateLimitError).retryAfterMs).toBe(2000);
    });

    test('a dropped connection is ConnectionError', async () => {
      await using ctx = await setup(mode, { faults: [{ drop: true }] }, { retry: false });
      await expect(ctx.client.customers.get('customer-123456')).rejects.toBeInstanceOf(
        ConnectionError,
      );
    });

    test('a hang past the deadline is TimeoutError; the emulator sees the request', async () => {
      await using ctx = await setup(mode, { faults: [{ hang: true }] }, { timeoutMs: 200 });
      const started = performance.now();
      const error = await ctx.client.customers.list().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TimeoutError);
      expect(performance.now() - started).toBeGreaterThanOrEqual(190);
      expect(ctx.emulator.requests()).toHaveLength(1);
    });

    test('a caller abort during a hang is AbortError', async () => {
      await using ctx = await setup(mode, { faults: [{ hang: true }] });
      const controller = new AbortController();
      const pending = ctx.client.customers.list({ signal: controller.signal });
      await until(() => ctx.emulator.requests().length > 0);
      controller.abort();
      await expect(pending).rejects.toBeInstanceOf(AbortError);
    });
  });

  describe('retries as the emulator sees them', () => {
    test('GET is retried after a 503 and then succeeds', async () => {
      const ctx = await setup(mode, { faults: [{ status: 503 }] });
      await using _ = ctx;
      const client = ctx.make({ hooks: { onRetry: () => ctx.emulator.setFaults([]) } });
      expect(await client.customers.get('customer-123456')).toEqual(acmeCustomer);
      expect(statuses(ctx.emulator)).toEqual([503, 200]);
    });

    test('GET is retried after a dropped connection', async () => {
      const ctx = await setup(mode, { faults: [{ drop: true }] });
      await using _ = ctx;
      const client = ctx.make({ hooks: { onRetry: () => ctx.emulator.setFaults([]) } });
      expect((await client.customers.list()).length).toBe(33);
      expect(statuses(ctx.emulator)).toEqual([0, 200]);
    });

    test('429 Retry-After: 1 makes the client wait at least a second before retrying', async () => {
      const ctx = await setup(mode, { faults: [{ status: 429, retryAfterSeconds: 1 }] });
      await using _ = ctx;
      const delays: number[] = [];
      const client = ctx.make({
        hooks: {
          onRetry: (event) => {
            delays.push(event.delayMs);
            ctx.emulator.setFaults([]);
          },
        },
      });
      const started = performance.now();
      await client.customers.list();
      expect(performance.now() - started).toBeGreaterThanOrEqual(990);
      expect(delays[0]).toBeGreaterThanOrEqual(990); // timers may fire a hair early
      expect(statuses(ctx.emulator)).toEqual([429, 200]);
    });

    test('the retry limit bounds attempts; the last error is thrown', async () => {
      await using ctx = await setup(
        mode,
        { faults: [{ status: 502 }] },
        { retry: { limit: 3, baseDelayMs: 1, maxDelayMs: 5 } },
      );
      await expect(ctx.client.customers.list()).rejects.toBeInstanceOf(ServerError);
      expect(statuses(ctx.emulator)).toEqual([502, 502, 502, 502]);
    });

    test('POST is never retried', async () => {
      await using ctx = await setup(mode, { faults: [{ method: 'POST', status: 503 }] });
      await expect(ctx.client.customers.create(newCustomer)).rejects.toBeInstanceOf(ServerError);
      expect(statuses(ctx.emulator)).toEqual([503]);
      expect(ctx.emulator.snapshot().customers.map((c) => c.customerId)).not.toContain('client-1');
    });

    test('the deadline spans retries against a slow, failing emulator', async () => {
      await using ctx = await setup(
        mode,
        { faults: [{ latencyMs: 60, status: 503 }] },
        { timeoutMs: 300, retry: { limit: 20, baseDelayMs: 1, maxDelayMs: 5 } },
      );
      await expect(ctx.client.customers.list()).rejects.toBeInstanceOf(TimeoutError);
      const attempts = ctx.emulator.requests().length;
      expect(attempts).toBeGreaterThanOrEqual(2);
      expect(attempts).toBeLessThan(21);
    });
  });
  test('the API key never shows in hooks, logs, errors or the emulator request log', async () => {
    const secret = 'sk-very-secret-key';
    const seen: unknown[] = [];
    await using ctx = await setup(mode, {
      accounts: [secret],
      faults: [{ path: '/payments', status: 503 }],
    });
    const client = ctx.make({
      apiKey: secret,
      hooks: {
        onRequest: (e) => seen.push(e),
        onResponse: (e) => seen.push(e),
        onRetry: (e) => seen.push(e),
      },
      logger: {
        debug: (...a) => seen.push(a),
        info: (...a) => seen.push(a),
        warn: (...a) => seen.push(a),
      },
    });
    await client.customers.list();
    seen.push(await client.customers.get('ghost').catch((e: unknown) => e));
    seen.push(
      await client.invoices.list({ customerId: 'customer-123456' }).catch((e: unknown) => e),
    );
    seen.push(
      await ctx
        .make({ apiKey: `${secret}-wrong` })
        .customers.list()
        .catch((e: unknown) => e),
    );
    seen.push(ctx.emulator.requests());
    const text = JSON.stringify(seen, (_k, v) =>
      v instanceof Error ? { ...v, message: v.message, stack: v.stack } : v,
    );
    expect(seen.length).toBeGreaterThan(6);
    expect(text).not.toContain(secret);
  });
});
