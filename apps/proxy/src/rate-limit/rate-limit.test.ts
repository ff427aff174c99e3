import { describe, expect, test } from 'vitest';
import { parseRateSpec } from '../config/rate-spec.js';
import { createStack, makeKeys } from '../test/harness.js';
import { createFixedWindowLimiter } from './fixed-window.js';

describe('per-key rate limits', () => {
  test('the proxy default applies; the 4th request in the window is 429 with the headers', async () => {
    const clock = { now: 1_000_000 };
    await using stack = await createStack({
      proxy: { rateLimit: { default: '3/min' }, clock: () => clock.now },
    });
    const seen = [];
    for (let i = 0; i < 3; i++) {
      const res = await stack.call('/customers', { as: 'reader' });
      expect(res.status).toBe(200);
      seen.push(res.headers.get('ratelimit-remaining'));
      expect(res.headers.get('ratelimit-limit')).toBe('3');
    }
    expect(seen).toEqual(['2', '1', '0']);
    clock.now += 15_000;
    const limited = await stack.call('/customers', { as: 'reader' });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('45');
    expect(limited.headers.get('ratelimit-reset')).toBe('45');
    expect(limited.headers.get('ratelimit-remaining')).toBe('0');
    expect(await limited.json()).toMatchObject({ code: 'RATE_LIMITED' });
    // Another key has its own budget.
    expect((await stack.call('/customers', { as: 'admin' })).status).toBe(200);
    // The window ends.
    clock.now += 45_000;
    expect((await stack.call('/customers', { as: 'reader' })).status).toBe(200);
  });

  test("a key's own limit wins over the default", async () => {
    const { plain, entries } = await makeKeys({ tight: { scopes: ['*'], rateLimit: '1/hour' } });
    await using stack = await createStack({
      proxy: { keys: entries, rateLimit: { default: '100/min' } },
    });
    const call = () =>
      stack.proxy.app.request('/customers', {
        headers: { authorization: `Bearer ${plain.tight}` },
      });
    expect((await call()).status).toBe(200);
    const second = await call();
    expect(second.status).toBe(429);
    expect(Number(second.headers.get('retry-after'))).toBeGreaterThan(3500);
  });

  test('limited requests never reach upstream', async () => {
    await using stack = await createStack({
      proxy: { rateLimit: { default: '1/min' }, cache: { enabled: false } },
    });
    await stack.call('/customers');
    await stack.call('/customers');
    expect(stack.emulator.requests().filter((r) => r.path === '/customers')).toHaveLength(1);
  });
});

describe('fixed-window limiter', () => {
  test('counts per id and spec and resets after the window', async () => {
    const clock = { now: 0 };
    const limiter = createFixedWindowLimiter(() => clock.now);
    const limit = parseRateSpec('2/sec');
    expect((await limiter.consume('a', limit)).allowed).toBe(true);
    expect((await limiter.consume('a', limit)).allowed).toBe(true);
    const third = await limiter.consume('a', limit);
    expect(third).toEqual({ allowed: false, limit: 2, remaining: 0, resetMs: 1000 });
    expect((await limiter.consume('b', limit)).allowed).toBe(true);
    clock.now = 1000;
    expect((await limiter.consume('a', limit)).remaining).toBe(1);
  });
});
