import { afterEach, describe, expect, test, vi } from 'vitest';
import { createAmberfloClient } from './create-client.js';
import { ConnectionError, RateLimitError, ServerError } from './error-classes.js';
import type { AmberfloRetryEvent } from './options.js';
import { backoffCeiling, DEFAULT_RETRY, fullJitter, parseRetryAfter } from './retry.js';
import { type Reply, startTestServer } from './test-server.js';

const fast = { baseDelayMs: 5, maxDelayMs: 20 };

async function withServer(replies: Reply[], retry: object = fast) {
  const server = await startTestServer(replies);
  const retries: AmberfloRetryEvent[] = [];
  const client = createAmberfloClient({
    apiKey: 'k',
    baseUrl: server.url,
    retry,
    hooks: { onRetry: (e) => retries.push(e) },
  });
  return { server, client, retries, [Symbol.asyncDispose]: () => server.close() };
}

const customer = { customerId: 'c-1', customerName: 'C' };

describe('what is retried', () => {
  test('GET is retried on 503 and then succeeds', async () => {
    await using ctx = await withServer([{ status: 503 }, { status: 503 }, { body: [customer] }]);
    await expect(ctx.client.customers.list()).resolves.toEqual([customer]);
    expect(ctx.server.requests).toHaveLength(3);
    expect(ctx.retries.map((e) => [e.attempt, e.status, e.reason])).toEqual([
      [2, 503, 'HTTP 503'],
      [3, 503, 'HTTP 503'],
    ]);
  });

  test.each([
    ['PUT', 500],
    ['DELETE', 408],
    ['GET', 429],
    ['GET', 599],
  ] as const)('%s is retried on %i', async (method, status) => {
    await using ctx = await withServer([{ status }, { body: customer }]);
    if (method === 'PUT') await ctx.client.customers.update(customer);
    else if (method === 'DELETE') await ctx.client.customers.delete('c-1');
    else await ctx.client.customers.get('c-1');
    expect(ctx.server.requests.map((r) => r.method)).toEqual([method, method]);
  });

  test('GET is retried after a dropped connection', async () => {
    await using ctx = await withServer([{ destroy: true }, { body: [] }]);
    await expect(ctx.client.customers.list()).resolves.toEqual([]);
    expect(ctx.server.requests).toHaveLength(2);
    expect(ctx.retries[0]?.status).toBeUndefined();
  });

  test.each(['PUT', 'DELETE'] as const)(
    '%s is retried after a dropped connection',
    async (method) => {
      await using ctx = await withServer([{ destroy: true }, { body: customer }]);
      if (method === 'PUT') await ctx.client.customers.update(customer);
      else await ctx.client.customers.delete('c-1');
      expect(ctx.server.requests.map((r) => r.method)).toEqual([method, method]);
      expect(ctx.retries.map((e) => [e.attempt, e.status])).toEqual([[2, undefined]]);
    },
  );

  test.each([
    ['a 503', { status: 503 }, ServerError],
    ['a 429', { status: 429, headers: { 'retry-after': '0' } }, RateLimitError],
    ['a dropped connection', { destroy: true }, ConnectionError],
  ])('POST is never retried, even after %s', async (_name, reply, ErrorClass) => {
    await using ctx = await withServer([reply, { body: customer }]);
    await expect(ctx.client.customers.create(customer)).rejects.toBeInstanceOf(ErrorClass);
    await expect(
      ctx.client.prepaidOrders.create({ customerId: 'c-1', amount: 5 }),
    ).resolves.toBeDefined();
    expect(ctx.server.requests.map((r) => r.method)).toEqual(['POST', 'POST']);
    expect(ctx.retries).toEqual([]);
  });

  test('a 4xx other than 408/429 is not retried', async () => {
    await using ctx = await withServer([{ status: 400, body: { message: 'bad' } }, { body: [] }]);
    await expect(ctx.client.customers.list()).rejects.toThrow(/bad/);
    expect(ctx.server.requests).toHaveLength(1);
  });

  test('the limit bounds the attempts; the last error is thrown', async () => {
    await using ctx = await withServer([{ status: 502 }], { ...fast, limit: 2 });
    await expect(ctx.client.customers.list()).rejects.toBeInstanceOf(ServerError);
    expect(ctx.server.requests).toHaveLength(3);
  });

  test('retry: false sends once', async () => {
    await using ctx = await withServer([{ status: 503 }, { body: [] }], false as never);
    await expect(ctx.client.customers.list()).rejects.toBeInstanceOf(ServerError);
    expect(ctx.server.requests).toHaveLength(1);
  });
});

describe('Retry-After', () => {
  test('429 with Retry-After in seconds waits at least that long before retrying', async () => {
    await using ctx = await withServer([
      { status: 429, headers: { 'retry-after': '1' } },
      { body: [] },
    ]);
    await ctx.client.customers.list();
    const [first, second] = ctx.server.requests;
    // Only a lower bound: the backoff alone (≤ 20 ms here) could never reach it.
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(950);
    expect(ctx.retries[0]?.delayMs).toBeGreaterThanOrEqual(950);
  });

  test('Retry-After as an HTTP date is honoured', async () => {
    const at = new Date(Date.now() + 2000).toUTCString(); // second precision: ≥ 1 s from now
    await using ctx = await withServer([
      { status: 503, headers: { 'retry-after': at } },
      { body: [] },
    ]);
    await ctx.client.customers.list();
    const [first, second] = ctx.server.requests;
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(900);
  });

  test('a Retry-After beyond maxRetryAfterMs is cut to the bound', async () => {
    await using ctx = await withServer(
      [{ status: 503, headers: { 'retry-after': '3600' } }, { body: [] }],
      { ...fast, maxRetryAfterMs: 30 },
    );
    await expect(ctx.client.customers.list()).resolves.toEqual([]);
    expect(ctx.server.requests).toHaveLength(2);
  });

  test('a Retry-After past the deadline fails at once with the server’s answer', async () => {
    const server = await startTestServer([{ status: 429, headers: { 'retry-after': '3600' } }]);
    try {
      const client = createAmberfloClient({
        apiKey: 'k',
        baseUrl: server.url,
        timeoutMs: 5000,
        retry: { maxRetryAfterMs: 3_600_000 },
      });
      const error = await client.customers.list().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RateLimitError);
      expect((error as RateLimitError).retryAfterMs).toBe(3_600_000);
      expect(server.requests).toHaveLength(1);
    } finally {
      await server.close();
    }
  });

  // Only a junk value that a date parser reads as a future time tells absent from present
  // here; `-3`, `1,5` or `abc 2020` read as past dates wait 0 either way (parseRetryAfter's
  // own test covers them).
  test.each(['soon'])(
    'a junk Retry-After (%j) counts as absent: the normal backoff, not the cap',
    async (junk) => {
      await using server = await startTestServer([
        { status: 503, headers: { 'retry-after': junk } },
        { body: [] },
      ]);
      const retries: AmberfloRetryEvent[] = [];
      const client = createAmberfloClient({
        apiKey: 'k',
        baseUrl: server.url,
        timeoutMs: 2000, // default maxRetryAfterMs is 30 s: waiting the cap would time out
        retry: fast,
        hooks: { onRetry: (e) => retries.push(e) },
      });
      await expect(client.customers.list()).resolves.toEqual([]);
      expect(server.requests).toHaveLength(2);
      expect(retries[0]!.delayMs).toBeLessThan(1000);
    },
  );

  test('RateLimit-Reset alone (delta seconds) is waited on like Retry-After', async () => {
    await using ctx = await withServer([
      { status: 429, headers: { 'ratelimit-reset': '1' } },
      { body: [] },
    ]);
    await ctx.client.customers.list();
    const [first, second] = ctx.server.requests;
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(950);
  });

  test('Retry-After wins over RateLimit-Reset; a junk one falls back to RateLimit-Reset', async () => {
    await using ctx = await withServer([
      { status: 429, headers: { 'retry-after': 'soon', 'ratelimit-reset': '1' } },
      { status: 429, headers: { 'retry-after': '0', 'ratelimit-reset': '3600' } },
      { body: [] },
    ]);
    await ctx.client.customers.list();
    const [first, second, third] = ctx.server.requests;
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(950);
    expect(third!.at - second!.at).toBeLessThan(900);
  });

  test('on a 5xx, RateLimit-Reset is a wait only when RateLimit-Remaining is 0', async () => {
    // A budget with room left (the amberkit proxy sends these headers on every answer): the
    // reset says when it refills, not when to retry, so the retry follows the backoff.
    await using roomy = await withServer([
      { status: 503, headers: { 'ratelimit-remaining': '10', 'ratelimit-reset': '45' } },
      { status: 502, headers: { 'ratelimit-reset': '45' } },
      { body: [] },
    ]);
    await expect(roomy.client.customers.list()).resolves.toEqual([]);
    const [first, , third] = roomy.server.requests;
    expect(roomy.server.requests).toHaveLength(3);
    expect(third!.at - first!.at).toBeLessThan(900);
    await using spent = await withServer([
      { status: 503, headers: { 'ratelimit-remaining': '0', 'ratelimit-reset': '1' } },
      { body: [] },
    ]);
    await spent.client.customers.list();
    const [before, after] = spent.server.requests;
    expect(after!.at - before!.at).toBeGreaterThanOrEqual(950);
  });

  test('a RateLimit-Reset beyond maxRetryAfterMs is cut to the bound', async () => {
    await using ctx = await withServer(
      [{ status: 429, headers: { 'ratelimit-reset': '3600' } }, { body: [] }],
      { ...fast, maxRetryAfterMs: 30 },
    );
    await expect(ctx.client.customers.list()).resolves.toEqual([]);
    expect(ctx.server.requests).toHaveLength(2);
  });

  test('a RateLimit-Reset past the deadline fails at once with RateLimitError', async () => {
    await using server = await startTestServer([
      { status: 429, headers: { 'ratelimit-reset': '20' }, body: { message: 'slow down' } },
    ]);
    const client = createAmberfloClient({ apiKey: 'k', baseUrl: server.url, timeoutMs: 3000 });
    const started = performance.now();
    const error = await client.customers.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfterMs).toBe(20_000);
    expect(server.requests).toHaveLength(1);
    // Not a speed target: waiting on the header would end in a TimeoutError at 3 s.
    expect(performance.now() - started).toBeLessThan(2500);
  });
});

describe('backoff arithmetic', () => {
  afterEach(() => vi.restoreAllMocks());

  test('exponential ceilings with a cap', () => {
    const options = { ...DEFAULT_RETRY, baseDelayMs: 100, maxDelayMs: 1000 };
    expect([1, 2, 3, 4, 5, 30].map((n) => backoffCeiling(n, options))).toEqual([
      100, 200, 400, 800, 1000, 1000,
    ]);
  });

  test('full jitter spans 0 up to the ceiling', () => {
    expect(fullJitter(800, () => 0)).toBe(0);
    expect(fullJitter(800, () => 0.5)).toBe(400);
    expect(fullJitter(800, () => 0.999)).toBeCloseTo(799.2);
  });

  test('parseRetryAfter reads seconds and HTTP dates, and ignores junk', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter('0', now)).toBe(0);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:10 GMT', now)).toBe(10_000);
    expect(parseRetryAfter('Wed, 31 Dec 2025 00:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('-3', now)).toBeUndefined();
    expect(parseRetryAfter('1,5', now)).toBeUndefined(); // V8's Date.parse reads 2001-01-05
    expect(parseRetryAfter('abc 2020', now)).toBeUndefined();
    expect(parseRetryAfter('1.5', now)).toBe(1500);
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter('', now)).toBeUndefined();
  });

  test('the cap bounds the waits the client really takes', async () => {
    // The largest jitter draw on a 60 s ceiling, capped at 50 ms.
    vi.spyOn(Math, 'random').mockReturnValue(0.999);
    await using ctx = await withServer([{ status: 503 }, { status: 503 }, { body: [] }], {
      baseDelayMs: 60_000,
      maxDelayMs: 50,
    });
    await ctx.client.customers.list();
    expect(ctx.server.requests).toHaveLength(3);
    for (const retry of ctx.retries) expect(retry.delayMs).toBeLessThan(1000);
  });

  test('the waits the client really takes are jittered below the ceiling', async () => {
    // Math.random is the one global ky's jitter reads; pinning it makes the wait exact.
    vi.spyOn(Math, 'random').mockReturnValue(0);
    await using ctx = await withServer([{ status: 503 }, { body: [] }], {
      baseDelayMs: 60_000,
      maxDelayMs: 60_000,
    });
    await ctx.client.customers.list();
    expect(ctx.server.requests).toHaveLength(2);
    expect(ctx.retries[0]!.delayMs).toBeLessThan(1000);
  });
});
