import { describe, expect, test } from 'vitest';
import { createStack, type Stack } from '../test/harness.js';
import { until } from '../test/poll.js';
import { normaliseUpstreamError } from './normalise-error.js';

const ACME = '/customers/customer-123456';
const count = (stack: Stack, method: string, path: string) =>
  stack.emulator.requests().filter((r) => r.method === method && r.path === path).length;

describe('upstream failures', () => {
  test('a hung upstream → 504 UPSTREAM_TIMEOUT', async () => {
    await using stack = await createStack({ proxy: { upstream: { timeoutMs: 150 } } });
    stack.emulator.setFaults([{ method: 'GET', path: '/customers', hang: true }]);
    const res = await stack.call(ACME);
    expect(res.status).toBe(504);
    expect(res.headers.get('x-cache')).toBe('MISS');
    expect(await res.json()).toMatchObject({ code: 'UPSTREAM_TIMEOUT' });
  });

  test('5xx → 502 UPSTREAM_UNAVAILABLE; GET retried, POST never', async () => {
    await using stack = await createStack({ proxy: { upstream: { retries: 2 } } });
    stack.emulator.setFaults([{ status: 503 }]);
    const get = await stack.call(ACME);
    expect(get.status).toBe(502);
    expect(await get.json()).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
    expect(count(stack, 'GET', ACME)).toBe(3);
    const post = await stack.call('/customers', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ customerId: 'r', customerName: 'R' }),
    });
    expect(post.status).toBe(502);
    expect(count(stack, 'POST', '/customers')).toBe(1);
  });

  test("an upstream 429 passes through with upstream's Retry-After", async () => {
    await using stack = await createStack();
    stack.emulator.setFaults([{ method: 'GET', status: 429, retryAfterSeconds: 7 }]);
    const res = await stack.call(ACME);
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('7');
    expect(await res.json()).toMatchObject({ code: 'RATE_LIMITED' });
  });

  test('a dropped connection → 502', async () => {
    await using stack = await createStack();
    stack.emulator.setFaults([{ drop: true }]);
    const res = await stack.call(ACME);
    expect(res.status).toBe(502);
    expect(await res.json()).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
  });

  test('stale-if-error: an expired entry is served STALE while upstream fails, until the window ends', async () => {
    const clock = { now: Date.parse('2026-01-01T00:00:00Z') };
    await using stack = await createStack({ proxy: { clock: () => clock.now } });
    expect((await stack.call(ACME)).status).toBe(200);
    stack.emulator.setFaults([{ status: 500 }]);
    clock.now += 120_000; // past TTL + SWR (60 s), inside SIE (300 s)
    const stale = await stack.call(ACME);
    expect(stale.status).toBe(200);
    expect(stale.headers.get('x-cache')).toBe('STALE');
    expect(stale.headers.get('age')).toBe('120');
    expect(await stale.json()).toMatchObject({ customerId: 'customer-123456' });
    clock.now += 300_000;
    expect((await stack.call(ACME)).status).toBe(502);
  });

  test('the breaker fails fast while upstream is down, then a probe closes it', async () => {
    await using stack = await createStack({
      proxy: { upstream: { breakerThreshold: 3, halfOpenAfterMs: 100 }, cache: { enabled: false } },
    });
    stack.emulator.setFaults([{ status: 500 }]);
    for (let i = 0; i < 3; i++) expect((await stack.call(ACME)).status).toBe(502);
    expect(count(stack, 'GET', ACME)).toBe(3);
    const fast = await stack.call(ACME);
    expect(fast.status).toBe(502);
    expect(((await fast.json()) as { message: string }).message).toContain('circuit is open');
    expect(count(stack, 'GET', ACME)).toBe(3);
    stack.emulator.setFaults([]);
    const recovered = await until(async () => {
      const res = await stack.call(ACME);
      return res.status === 200 ? res : undefined;
    }, 'the breaker to close');
    expect(recovered.status).toBe(200);
    expect(count(stack, 'GET', ACME)).toBe(4);
  });

  test('the breaker counts caller requests, not attempts: retries of one request are one failure', async () => {
    // Default threshold (5) and retries (2): each failing GET makes three attempts upstream.
    await using stack = await createStack({
      proxy: { upstream: { retries: 2 }, cache: { enabled: false } },
    });
    const F500 = '/customers/f500';
    stack.emulator.setFaults([{ method: 'GET', path: F500, status: 500 }]);
    for (let i = 0; i < 4; i++) expect((await stack.call(F500)).status).toBe(502);
    expect(count(stack, 'GET', F500)).toBe(12);
    // Four failed requests (twelve failed attempts) leave it closed: other calls still go up.
    expect((await stack.call(ACME)).status).toBe(200);
    const create = await stack.call('/customers', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ customerId: 'breaker-ok', customerName: 'B' }),
    });
    expect(create.status).toBe(200);
    // Five consecutive failed requests open it.
    for (let i = 0; i < 5; i++) expect((await stack.call(F500)).status).toBe(502);
    expect(count(stack, 'GET', F500)).toBe(27);
    const open = await stack.call(ACME);
    expect(open.status).toBe(502);
    expect(((await open.json()) as { message: string }).message).toContain('circuit is open');
    expect(count(stack, 'GET', ACME)).toBe(1);
  });

  test('upstream 4xx pass through with a normalised body', async () => {
    await using stack = await createStack();
    const dup = await stack.call('/customers', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ customerId: 'customer-123456', customerName: 'Dup' }),
    });
    expect(dup.status).toBe(400);
    const body = (await dup.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ code: 'CONFLICT' });
    expect(typeof body.message).toBe('string');
    expect(body.requestId).toBe(dup.headers.get('x-request-id'));
  });

  test('upstream 401 (the proxy key is wrong) → 502 UPSTREAM_AUTH, logged as an error', async () => {
    await using stack = await createStack({
      proxy: { upstream: { apiKey: 'wrong-amberflo-key' } },
    });
    const res = await stack.call(ACME);
    expect(res.status).toBe(502);
    expect(await res.json()).toMatchObject({ code: 'UPSTREAM_AUTH' });
    const errors = stack.lines.map((l) => JSON.parse(l)).filter((l) => l.level === 'error');
    expect(errors).toEqual([
      expect.objectContaining({
        msg: 'upstream rejected the proxy Amberflo key',
        upstreamStatus: 401,
      }),
    ]);
  });

  test("upstream 403 → 502 UPSTREAM_AUTH too, on reads and writes, never the caller's 403", async () => {
    await using stack = await createStack();
    stack.emulator.setFaults([{ status: 403 }]);
    const read = await stack.call(ACME);
    const write = await stack.call('/customers', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ customerId: 'c-403', customerName: 'Forbidden' }),
    });
    for (const res of [read, write]) {
      expect(res.status).toBe(502);
      const body = (await res.json()) as { code: string; requestId: string };
      expect(body.code).toBe('UPSTREAM_AUTH');
      expect(body.requestId).toBe(res.headers.get('x-request-id'));
    }
    const errors = stack.lines.map((l) => JSON.parse(l)).filter((l) => l.level === 'error');
    expect(errors.map((l) => l.upstreamStatus)).toEqual([403, 403]);
  });
});

describe('normaliseUpstreamError', () => {
  test('keeps the spec shape, maps the live {errorMessage}, and copes with text', () => {
    expect(normaliseUpstreamError(404, '{"message":"gone","code":"NOT_FOUND"}', 'r1')).toEqual({
      message: 'gone',
      code: 'NOT_FOUND',
      requestId: 'r1',
    });
    expect(normaliseUpstreamError(400, '{"errorMessage":"bad thing"}', 'r2')).toEqual({
      message: 'bad thing',
      code: 'VALIDATION_FAILED',
      requestId: 'r2',
    });
    expect(normaliseUpstreamError(409, 'oops', 'r3')).toEqual({
      message: 'Upstream answered 409',
      code: 'CONFLICT',
      requestId: 'r3',
    });
    // An unknown code is not passed on, and a 4xx the API does not use is no validation
    // failure, whatever its body says: INTERNAL (not the caller's input).
    expect(normaliseUpstreamError(418, '{"code":"TEAPOT"}', 'r4')).toMatchObject({
      code: 'INTERNAL',
    });
    expect(normaliseUpstreamError(418, '{"code":"VALIDATION_FAILED"}', 'r4')).toMatchObject({
      code: 'INTERNAL',
    });
    expect(normaliseUpstreamError(422, '', 'r4')).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(normaliseUpstreamError(400, '{"code":"CONFLICT"}', 'r4')).toMatchObject({
      code: 'CONFLICT',
    });
    expect(
      normaliseUpstreamError(
        400,
        '{"code":"VALIDATION_FAILED","issues":[{"path":"a","message":"b"}]}',
        'r5',
      ).issues,
    ).toEqual([{ path: 'a', message: 'b' }]);
  });
});
