import { describe, expect, test } from 'vitest';
import type { CachedEntry } from '../cache/cache-store.js';
import { createLogger } from '../observability/logger.js';
import { createStack } from '../test/harness.js';
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
    expect(await store.lookup('k')).toEqual({ entry: undefined, version: '0.0' });
    expect(await store.store('k', entry('[1]'), 60_000, '0.0')).toBe(true);
    expect(await store.lookup('k')).toEqual({ entry: entry('[1]'), version: '0.0' });
    expect(await redis.keys()).toEqual([`${redis.prefix}c:k`]);
    const ttl = await redis.client.pTTL(`${redis.prefix}c:k`);
    expect(ttl).toBeGreaterThan(55_000);
    expect(ttl).toBeLessThanOrEqual(60_000);
  });

  test('invalidation drops the entry and refuses a store from a lookup made before it', async () => {
    await using redis = await testRedis();
    const a = createRedisStore({ client: redis.client, prefix: redis.prefix });
    const b = createRedisStore({ client: redis.client, prefix: redis.prefix });
    await a.store('k', entry('old'), 60_000, '0.0');
    const before = await b.lookup('k');
    await a.invalidate(['k']);
    expect((await b.lookup('k')).entry).toBeUndefined();
    expect(await b.store('k', entry('stale fetch'), 60_000, before.version)).toBe(false);
    const after = await b.lookup('k');
    expect(after.version).toBe('0.1');
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
    const seen = await store.lookup('k', 'req-1');
    expect(seen.entry).toBeUndefined();
    expect(await store.store('k', entry('x'), 1000, seen.version, 'req-1')).toBe(false);
    await store.invalidate(['k'], 'req-2');
    expect(lines.map((l) => [JSON.parse(l).msg, JSON.parse(l).requestId])).toEqual([
      ['redis lookup failed', 'req-1'],
      [expect.stringContaining('redis invalidation failed'), 'req-2'],
    ]);
  });

  test("through the proxy, a Redis failure's log lines carry the request's id, as its access line does", async () => {
    await using redis = await testRedis();
    const broken = redis.client.duplicate();
    await broken.connect();
    const lines: string[] = [];
    const logger = createLogger({ write: (l) => lines.push(l) });
    await using stack = await createStack({
      proxy: {
        logger,
        cache: { store: createRedisStore({ client: broken, prefix: redis.prefix, logger }) },
      },
    });
    broken.destroy();
    const read = await stack.call('/customers/customer-123456', {
      headers: { 'x-request-id': 'read-1' },
    });
    expect(read.status).toBe(200); // degraded to upstream, not failed
    const write = await stack.call('/customers/customer-123456', {
      method: 'DELETE',
      headers: { 'x-request-id': 'write-1' },
    });
    expect(write.status).toBe(200);
    const logged = lines.map((l) => JSON.parse(l));
    expect(logged.map((l) => [l.msg, l.requestId])).toEqual([
      ['redis lookup failed', 'read-1'],
      ['request', 'read-1'],
      [expect.stringContaining('redis invalidation failed'), 'write-1'],
      ['request', 'write-1'],
    ]);
  });
});
