import { createClient, type RedisClientType } from 'redis';
import { describe, expect, test } from 'vitest';
import type { CachedEntry } from '../cache/cache-store.js';
import { until } from '../test/poll.js';
import { testRedis } from '../test/redis.js';
import { tcpRelay } from '../test/tcp-relay.js';
import { tcpStack } from '../test/tcp-stack.js';
import { createRedisStore } from './redis-store.js';

const ACME = '/customers/customer-123456';

/**
 * The Node server with the Redis cache, reaching the shared Redis on 127.0.0.1:6379 through a
 * relay the test can cut or stall (Redis itself keeps running, and its data with it), under a
 * prefix of its own that dispose deletes.
 */
async function redisBehindRelay(env: Record<string, string> = {}) {
  const redis = await testRedis();
  const relay = await tcpRelay({ host: '127.0.0.1', port: 6379 });
  const stack = await tcpStack({
    AMBERKIT_CACHE: 'redis',
    REDIS_URL: relay.url,
    AMBERKIT_REDIS_PREFIX: redis.prefix,
    ...env,
  });
  return {
    redis,
    relay,
    stack,
    async [Symbol.asyncDispose]() {
      await stack[Symbol.asyncDispose]();
      await relay[Symbol.asyncDispose]();
      await redis[Symbol.asyncDispose]();
    },
  };
}

const name = async (response: Response) =>
  ((await response.json()) as { customerName: string }).customerName;

describe('Redis going away and coming back (real Redis behind a relay)', () => {
  test('a write while Redis is unreachable is not undone by the old entry when Redis returns', async () => {
    await using env = await redisBehindRelay();
    const { stack, relay } = env;
    await stack.call(ACME);
    const hit = await stack.call(ACME);
    expect(hit.headers.get('x-cache')).toBe('HIT');
    expect(await name(hit)).toBe('Acme Corp');

    relay.cut();
    const put = await stack.call('/customers', {
      method: 'PUT',
      body: JSON.stringify({ customerId: 'customer-123456', customerName: 'Renamed Offline' }),
    });
    expect(put.status).toBe(200);
    expect(await name(await stack.call(ACME))).toBe('Renamed Offline');

    // Redis comes back with the entry the write replaced still in it; wait until the proxy
    // reads from it again (another customer's entry is stored, then a HIT).
    relay.restore();
    const other = `/customers/${stack.emulator.snapshot().customers.find((c) => c.customerId !== 'customer-123456')!.customerId}`;
    await until(
      async () => ((await stack.call(other)).headers.get('x-cache') === 'HIT' ? true : undefined),
      'the proxy to read from Redis again',
    );
    const after = await stack.call(ACME);
    expect(await name(after)).toBe('Renamed Offline');
    expect(after.headers.get('x-cache')).toBe('MISS');
    // The replay reached Redis: the next read is a HIT of the new value.
    const again = await stack.call(ACME);
    expect(again.headers.get('x-cache')).toBe('HIT');
    expect(await name(again)).toBe('Renamed Offline');
    const logged = stack.lines.map((l) => JSON.parse(l).msg as string);
    expect(logged).toContainEqual(expect.stringContaining('redis invalidation failed'));
    expect(logged).toContain('redis invalidations replayed');
  });

  test('a write while Redis is unreachable is replayed on reconnect, for instances that did not write', async () => {
    await using env = await redisBehindRelay();
    const { stack, relay } = env;
    await stack.call(ACME);
    relay.cut();
    const put = await stack.call('/customers', {
      method: 'PUT',
      body: JSON.stringify({ customerId: 'customer-123456', customerName: 'Seen Elsewhere' }),
    });
    expect(put.status).toBe(200);
    relay.restore();
    // Without any further request through this instance, the entry leaves Redis.
    const entries = () => env.redis.keys().then((keys) => keys.filter((k) => k.includes(':c:')));
    await until(
      async () => ((await entries()).length === 0 ? true : undefined),
      'the replayed invalidation to drop the old entry',
    );
  });

  test('a hung Redis: reads and rate limits answer within the deadline, and shutdown does not wait for it', async () => {
    await using env = await redisBehindRelay({ AMBERKIT_RATE_LIMIT: '3/min' });
    const { stack, relay } = env;
    expect((await stack.call(ACME)).status).toBe(200);
    relay.stall();
    const started = performance.now();
    const read = await stack.call(ACME, { signal: AbortSignal.timeout(5_000) });
    expect(read.status).toBe(200);
    expect(read.headers.get('x-cache')).toBe('MISS');
    expect(performance.now() - started).toBeLessThan(3_000);
    // The in-memory insurance limiter counts while Redis does not answer.
    const statuses = [];
    for (let i = 0; i < 3; i++)
      statuses.push((await stack.call(ACME, { signal: AbortSignal.timeout(5_000) })).status);
    expect(statuses).toContain(429);
    const closing = performance.now();
    await stack.server.close();
    expect(performance.now() - closing).toBeLessThan(3_000);
    expect(stack.lines.map((l) => JSON.parse(l).msg)).toContain(
      'redis did not answer at shutdown; connection dropped',
    );
  });

  test('past maxPending failed keys, the replay drops every entry under the prefix, and only under it', async () => {
    await using redis = await testRedis();
    await using relay = await tcpRelay({ host: '127.0.0.1', port: 6379 });
    const client: RedisClientType = createClient({
      url: relay.url,
      socket: { reconnectStrategy: () => 50 },
    });
    client.on('error', () => {});
    await client.connect();
    const entry: CachedEntry = {
      status: 200,
      contentType: 'application/json',
      body: '{}',
      storedAt: 1,
    };
    const store = createRedisStore({ client, prefix: redis.prefix, maxPending: 1, timeoutMs: 300 });
    for (const key of ['a', 'b', 'untouched'])
      expect(await store.store(key, entry, 60_000, '0')).toBe(true);
    const neighbour = `${redis.prefix.slice(0, -1)}-other:c:kept`;
    await redis.client.set(neighbour, 'x');
    try {
      relay.cut();
      await store.invalidate(['a']);
      await store.invalidate(['b']);
      relay.restore();
      const entries = () => redis.keys().then((keys) => keys.filter((k) => k.includes(':c:')));
      await until(
        async () => ((await entries()).length === 0 ? true : undefined),
        'the replay to drop every entry under the prefix',
      );
      expect(await redis.client.get(neighbour)).toBe('x');
    } finally {
      await redis.client.del(neighbour);
      client.destroy();
    }
  });
});
