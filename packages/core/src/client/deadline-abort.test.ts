import { afterEach, describe, expect, test, vi } from 'vitest';
import { createAmberfloClient } from './create-client.js';
import { AbortError, TimeoutError } from './error-classes.js';
import { type Handler, type Reply, startTestServer } from './test-server.js';

async function withServer(
  replies: Reply[] | Handler,
  options: { timeoutMs?: number; retry?: object; onResponse?: () => void } = {},
) {
  const server = await startTestServer(replies);
  const client = createAmberfloClient({
    apiKey: 'k',
    baseUrl: server.url,
    timeoutMs: options.timeoutMs ?? 30_000,
    retry: { baseDelayMs: 5, maxDelayMs: 20, ...options.retry },
    hooks: { onResponse: options.onResponse ?? (() => {}) },
  });
  return { server, client, [Symbol.asyncDispose]: () => server.close() };
}

const slow503: Handler = async () => {
  await new Promise((resolve) => setTimeout(resolve, 100));
  return { status: 503 };
};

describe('the deadline (timeoutMs)', () => {
  afterEach(() => vi.restoreAllMocks());

  test('spans all attempts, not each one', async () => {
    // Each attempt alone answers well inside 400 ms; eleven attempts could not.
    await using ctx = await withServer(slow503, { timeoutMs: 400, retry: { limit: 10 } });
    const error = await ctx.client.customers.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({
      code: 'TIMEOUT',
      status: undefined,
      method: 'GET',
      path: '/customers',
    });
    expect((error as Error).message).toContain('within 400 ms');
    expect(ctx.server.requests.length).toBeGreaterThanOrEqual(2);
    expect(ctx.server.requests.length).toBeLessThan(11);
  });

  test('ends a request the server never answers', async () => {
    await using ctx = await withServer([{ hang: true }], { timeoutMs: 150 });
    await expect(ctx.client.customers.get('c-1')).rejects.toBeInstanceOf(TimeoutError);
    expect(ctx.server.requests).toHaveLength(1);
  });

  test('applies to POST too', async () => {
    await using ctx = await withServer([{ hang: true }], { timeoutMs: 150 });
    await expect(
      ctx.client.customers.create({ customerId: 'c-1', customerName: 'C' }),
    ).rejects.toBeInstanceOf(TimeoutError);
  });

  test('cuts a backoff wait short', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.99); // a backoff wait of ~59 s
    await using ctx = await withServer([{ status: 503 }, { body: [] }], {
      timeoutMs: 200,
      retry: { baseDelayMs: 60_000, maxDelayMs: 60_000 },
    });
    await expect(ctx.client.customers.list()).rejects.toBeInstanceOf(TimeoutError);
    expect(ctx.server.requests).toHaveLength(1);
  });
});

describe('the caller’s AbortSignal', () => {
  test('already aborted: nothing is sent', async () => {
    await using ctx = await withServer([{ body: [] }]);
    const error = await ctx.client.customers
      .list({ signal: AbortSignal.abort(new Error('user left')) })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect(error).toMatchObject({ code: 'ABORTED', method: 'GET', path: '/customers' });
    expect(ctx.server.requests).toHaveLength(0);
  });

  test('during a request', async () => {
    await using ctx = await withServer([{ hang: true }]);
    const controller = new AbortController();
    const pending = ctx.client.customers.get('c-1', { signal: controller.signal });
    await ctx.server.waitForRequests(1);
    controller.abort();
    const error = await pending.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect((error as AbortError).cause).toBe(controller.signal.reason);
    expect(ctx.server.requests).toHaveLength(1);
  });

  test('during a backoff wait (Retry-After: 5)', async () => {
    const controller = new AbortController();
    await using ctx = await withServer(
      [{ status: 503, headers: { 'retry-after': '5' } }, { body: [] }],
      { onResponse: () => setTimeout(() => controller.abort(), 20) },
    );
    const started = performance.now();
    const error = await ctx.client.customers.list({ signal: controller.signal }).catch((e) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect(ctx.server.requests).toHaveLength(1);
    // Not a speed target: without the abort the call would wait the full 5 s.
    expect(performance.now() - started).toBeLessThan(4000);
  });

  test('a POST aborted mid-flight is an AbortError too', async () => {
    await using ctx = await withServer([{ hang: true }]);
    const controller = new AbortController();
    const pending = ctx.client.pricingPlans.assign(
      { customerId: 'c-1', productId: 'plan-1' },
      { signal: controller.signal },
    );
    await ctx.server.waitForRequests(1);
    controller.abort();
    await expect(pending).rejects.toBeInstanceOf(AbortError);
  });
});
