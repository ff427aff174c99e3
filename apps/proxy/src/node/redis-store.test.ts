import { describe, expect, test } from 'vitest';
import type { CachedEntry } from '../cache/cache-store.js';
import { createLogger } from '../observability/logger.js';
import { testRedis } from '../test/redis.js';
import { createRedisStore } from './redis-store.js';

const entry = (body: string): CachedEntry => ({
  status: 200,
  contentType: 'application/json',
  body,
  storedAt: 1_700_000_000_000,
});

describe('Redis cache store (real Redis on 127.0.0.1:6379)', () => {
  test('stores, looks up and expires entries under its prefix', async () => {
    await using redis = await testRedis();
    const store = createRedisStore({ client: redis.client, prefix: redis.prefix });
    expect(await store.lookup('k')).toEqual({ entry: undefined, version: '0' });
    expect(await store.store('k', entry('[1]'), 60_000, '0')).toBe(true);
    expect(await store.lookup('k')).toEqual({ entry: entry('[1]'), version: '0' });
    expect(await redis.keys()).toEqual([`${redis.prefix}c:k`]);
    const ttl = await redis.client.pTTL(`${redis.prefix}c:k`);
    expect(ttl).toBeGreaterThan(55_000);
    expect(ttl).toBeLessThanOrEqual(60_000);
  });

  test('invalidation drops the entry and refuses a store from a lookup made before it', async () => {
    await using redis = await testRedis();
    const a = createRedisStore({ client: redis.client, prefix: redis.prefix });
    const b = createRedisStore({ client: redis.client, prefix: redis.prefix });
    await a.store('k', entry('old'), 60_000, '0');
    const before = await b.lookup('k');
    await a.invalidate(['k']);
    expect((await b.lookup('k')).entry).toBeUndefined();
    expect(await b.store('k', entry('stale fetch'), 60_000, before.version)).toBe(false);
    const after = await b.lookup('k');
    expect(after.version).toBe('1');
    expect(await b.store('k', entry('new'), 60_000, after.version)).toBe(true);
    expect((await a.lookup('k')).entry?.body).toBe('new');
  });

  test('a Redis failure degrades to a miss and a skipped store, logged, never thrown', async () => {
    await using redis = await testRedis();
    const lines: string[] = [];
    const broken = redis.client.duplicate();
    await broken.connect();
    const store = createRedisStore({
      client: broken,
      prefix: redis.prefix,
      logger: createLogger({ write: (l) => lines.push(l) }),
    });
    broken.destroy();
    const seen = await store.lookup('k');
    expect(seen.entry).toBeUndefined();
    expect(await store.store('k', entry('x'), 1000, seen.version)).toBe(false);
    await store.invalidate(['k']);
    expect(lines.map((l) => JSON.parse(l).msg)).toEqual([
      'redis lookup failed',
      expect.stringContaining('redis invalidation failed'),
    ]);
  });
});
