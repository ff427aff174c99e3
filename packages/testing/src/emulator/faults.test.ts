import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { ErrorResponse } from '@amberkit/core/schemas';
import { describe, expect, test } from 'vitest';
import { createEmulator } from './create-emulator.js';
import { KEY, MODES, openHarness, until } from './test-support.js';

/** A full garbage collection now (the `gc` global exposed just for this). */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

describe.each(MODES)('fault injection (%s)', (mode) => {
  test('a status rule answers with that status as an ErrorResponse', async () => {
    await using h = await openHarness(mode, { faults: [{ status: 503 }] });
    const res = await h.call('/customers');
    expect(res.status).toBe(503);
    expect(ErrorResponse.parse(await res.json())).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
    expect(h.emulator.requests().at(-1)).toMatchObject({ status: 503 });
  });

  test('429 carries Retry-After (default 1, or as configured)', async () => {
    await using h = await openHarness(mode, {
      faults: [
        { path: '/customers/', status: 429 },
        { status: 429, retryAfterSeconds: 7 },
      ],
    });
    const a = await h.call('/customers/customer-123456');
    expect(a.status).toBe(429);
    expect(a.headers.get('retry-after')).toBe('1');
    expect(await a.json()).toMatchObject({ code: 'RATE_LIMITED' });
    const b = await h.call('/customers');
    expect(b.headers.get('retry-after')).toBe('7');
  });

  test('rules match by method and path prefix', async () => {
    await using h = await openHarness(mode, {
      faults: [{ method: 'POST', path: '/payments-pricing', status: 500 }],
    });
    const prepaid = await h.call('/payments-pricing-amberflo-customer-prepaid', {
      method: 'POST',
      json: { customerId: 'customer-123456', amount: 1 },
    });
    expect(prepaid.status).toBe(500);
    expect(await prepaid.json()).toMatchObject({ code: 'INTERNAL' });
    expect((await h.call('/payments-pricing-amberflo-customer-prepaid')).status).toBe(405);
    expect((await h.call('/payments-billing-customer-product-invoice?customerId=a')).status).toBe(
      200,
    );
    expect(h.emulator.snapshot().prepaidOrders).toEqual([]);
  });

  test('a GET rule matches HEAD (a GET without a body); a HEAD rule does not match GET', async () => {
    await using h = await openHarness(mode, {
      faults: [{ method: 'GET', path: '/customers/', status: 503 }],
    });
    expect((await h.call('/customers/customer-123456', { method: 'HEAD' })).status).toBe(503);
    h.emulator.setFaults([{ method: 'HEAD', status: 503 }]);
    expect((await h.call('/customers/customer-123456')).status).toBe(200);
    expect((await h.call('/customers/customer-123456', { method: 'HEAD' })).status).toBe(503);
  });

  test('a faulted request is logged with the account of its key', async () => {
    await using h = await openHarness(mode, {
      accounts: [KEY, 'second-key'],
      faults: [
        { path: '/customers', status: 503 },
        { path: '/payments', drop: true },
      ],
    });
    await h.call('/customers', { key: 'second-key' });
    await h.call('/customers', { key: 'wrong' });
    await h.call('/payments-billing-customer-product-invoice?customerId=a').catch(() => undefined);
    expect(h.emulator.requests().map((e) => [e.status, e.account])).toEqual([
      [503, 'account-2'],
      [503, null],
      [0, 'account-1'],
    ]);
  });

  test.each([
    [408, 'HTTP_408'],
    [418, 'HTTP_418'],
    [400, 'VALIDATION_FAILED'],
    [422, 'VALIDATION_FAILED'],
    [404, 'NOT_FOUND'],
    [501, 'INTERNAL'],
  ])('an injected %i carries code %s', async (status, code) => {
    await using h = await openHarness(mode, { faults: [{ status }] });
    const res = await h.call('/customers');
    expect(res.status).toBe(status);
    expect(ErrorResponse.parse(await res.json())).toMatchObject({ code });
  });

  test('faults come before auth and never touch the admin API', async () => {
    await using h = await openHarness(mode, { faults: [{ status: 502 }] });
    expect((await h.call('/customers', { key: null })).status).toBe(502);
    expect((await h.call('/_emulator/health', { key: null })).status).toBe(200);
  });

  test('rate 0 never fires; rate 0.5 fires a seeded, repeatable pattern', async () => {
    const pattern = async (seed: number) => {
      await using h = await openHarness(mode, { seed, faults: [{ rate: 0.5, status: 500 }] });
      const out: number[] = [];
      for (let i = 0; i < 40; i++) out.push((await h.call('/customers/customer-123456')).status);
      return out;
    };
    const first = await pattern(3);
    expect(await pattern(3)).toEqual(first);
    expect(first).toContain(500);
    expect(first).toContain(200);
    await using never = await openHarness(mode, { faults: [{ rate: 0, status: 500 }] });
    for (let i = 0; i < 20; i++) expect((await never.call('/customers')).status).toBe(200);
  });

  test('latency and jitter delay the answer', async () => {
    await using h = await openHarness(mode, { faults: [{ latencyMs: 150, jitterMs: 50 }] });
    const started = performance.now();
    const res = await h.call('/customers/customer-123456');
    expect(res.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(145);
  });

  test('a dropped connection makes fetch reject with a TypeError', async () => {
    await using h = await openHarness(mode, { faults: [{ path: '/customers', drop: true }] });
    await expect(h.call('/customers')).rejects.toBeInstanceOf(TypeError);
    expect(h.emulator.requests().at(-1)).toMatchObject({ path: '/customers', status: 0 });
    expect((await h.call('/payments-billing-customer-product-invoice?customerId=a')).status).toBe(
      200,
    );
  });

  test('a hang never answers; the client abort ends it', async () => {
    await using h = await openHarness(mode, { faults: [{ hang: true }] });
    const controller = new AbortController();
    const pending = h.call('/customers', { signal: controller.signal });
    let settled = false;
    pending.then(
      () => (settled = true),
      () => (settled = true),
    );
    await until(() => h.emulator.requests().length > 0);
    // Nothing may answer: give a would-be answer time to arrive.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(settled).toBe(false);
    // A collection before the abort, as happens under load: the abort must still arrive.
    collectGarbage();
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('hangs and close', () => {
  test('closing the server ends hung requests and keep-alive sockets promptly', async () => {
    const emulator = createEmulator({
      accounts: [KEY],
      faults: [{ path: '/customers/', hang: true }],
    });
    const server = await emulator.listen();
    expect((await fetch(`${server.url}/customers`, { headers: { 'x-api-key': KEY } })).status).toBe(
      200,
    );
    const hung = fetch(`${server.url}/customers/customer-123456`, {
      headers: { 'x-api-key': KEY },
    });
    hung.catch(() => undefined);
    await until(() => emulator.requests().length === 2);
    const started = performance.now();
    await server.close();
    expect(performance.now() - started).toBeLessThan(2000);
    await expect(hung).rejects.toBeInstanceOf(TypeError);
  });

  test('emulator.close() releases in-process hangs with a TypeError', async () => {
    const emulator = createEmulator({ accounts: [KEY], faults: [{ hang: true }] });
    const hung = emulator.fetch('/customers', { headers: { 'x-api-key': KEY } });
    hung.catch(() => undefined);
    await until(() => emulator.requests().length > 0);
    await emulator.close();
    await expect(hung).rejects.toBeInstanceOf(TypeError);
  });

  test('setFaults validates rules', () => {
    const emulator = createEmulator();
    expect(() => emulator.setFaults([{ rate: -1 }])).toThrow(/rules\.0\.rate/);
    expect(() => createEmulator({ faults: [{ status: 99 }] })).toThrow(/rules\.0\.status/);
  });
});
