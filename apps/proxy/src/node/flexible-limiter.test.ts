import { describe, expect, test } from 'vitest';
import { parseRateSpec } from '../config/rate-spec.js';
import { testRedis } from '../test/redis.js';
import { createFlexibleLimiter } from './flexible-limiter.js';

describe('rate-limiter-flexible limiter', () => {
  test('in memory: counts down, refuses with the time to wait', async () => {
    const limiter = createFlexibleLimiter();
    const limit = parseRateSpec('2/min');
    expect(await limiter.consume('h1', limit)).toMatchObject({
      allowed: true,
      limit: 2,
      remaining: 1,
    });
    expect(await limiter.consume('h1', limit)).toMatchObject({ allowed: true, remaining: 0 });
    const refused = await limiter.consume('h1', limit);
    expect(refused.allowed).toBe(false);
    expect(refused.resetMs).toBeGreaterThan(55_000);
    expect((await limiter.consume('h2', limit)).allowed).toBe(true);
  });

  test('in Redis: the bucket lives under the prefix and expires with the window', async () => {
    await using redis = await testRedis();
    const limiter = createFlexibleLimiter({ redis: redis.client, prefix: redis.prefix });
    const limit = parseRateSpec('1/sec');
    expect((await limiter.consume('h', limit)).allowed).toBe(true);
    expect((await limiter.consume('h', limit)).allowed).toBe(false);
    const [bucket] = await redis.keys();
    expect(bucket).toBe(`${redis.prefix}rl:1/sec:h`);
    expect(await redis.client.pTTL(bucket!)).toBeLessThanOrEqual(1000);
  });

  test('when Redis fails, the in-memory insurance limiter keeps counting', async () => {
    await using redis = await testRedis();
    const broken = redis.client.duplicate({ disableOfflineQueue: true });
    await broken.connect();
    const limiter = createFlexibleLimiter({
      redis: broken as typeof redis.client,
      prefix: redis.prefix,
    });
    broken.destroy();
    const limit = parseRateSpec('2/min');
    expect((await limiter.consume('h', limit)).allowed).toBe(true);
    expect((await limiter.consume('h', limit)).allowed).toBe(true);
    expect((await limiter.consume('h', limit)).allowed).toBe(false);
  });
});
