import { describe, expect, test } from 'vitest';
import { parseRateSpec } from '../config/rate-spec.js';
import { until } from '../test/poll.js';
import { relayClient, testRedis } from '../test/redis.js';
import { tcpRelay } from '../test/tcp-relay.js';
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

  test('a call that timed out and then failed is charged to the insurance limiter once', async () => {
    await using redis = await testRedis();
    await using relay = await tcpRelay({ host: '127.0.0.1', port: 6379 });
    const client = await relayClient(relay.url);
    try {
      const limiter = createFlexibleLimiter({
        redis: client,
        prefix: redis.prefix,
        timeoutMs: 200,
      });
      const limit = parseRateSpec('4/min');
      // A hung Redis: both calls time out and count in memory.
      relay.stall();
      expect((await limiter.consume('h', limit)).allowed).toBe(true);
      expect((await limiter.consume('h', limit)).allowed).toBe(true);
      // The connection drops: the two calls still waiting on Redis fail now.
      relay.cut();
      await until(() => (client.isReady ? undefined : true), 'the client to see the cut');
      expect((await limiter.consume('h', limit)).allowed).toBe(true);
      expect((await limiter.consume('h', limit)).allowed).toBe(true);
      expect((await limiter.consume('h', limit)).allowed).toBe(false);
    } finally {
      client.destroy();
    }
  });
});
