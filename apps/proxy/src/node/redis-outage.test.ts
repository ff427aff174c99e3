import { describe, expect, test } from 'vitest';
import type { CachedEntry } from '../cache/cache-store.js';
import { createLogger } from '../observability/logger.js';
import { until } from '../test/poll.js';
import { relayClient, testRedis } from '../test/redis.js';
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
});

const entry = (body: string): CachedEntry => ({
  status: 200,
  contentType: 'application/json',
  body,
  storedAt: 1,
});

/**
 * Two instances' Redis stores on the shared Redis under a prefix of the test's own: `a` (the
 * one that writes, with its log lines in `lines`) reaches Redis through a relay the test can
 * cut or stall, `b` directly. The client is made as the server makes it (no offline queue).
 */
async function storesBehindRelay(options: { maxPending?: number; timeoutMs?: number } = {}) {
  const redis = await testRedis();
  const relay = await tcpRelay({ host: '127.0.0.1', port: 6379 });
  const client = await relayClient(relay.url);
  const lines: string[] = [];
  const a = createRedisStore({
    client,
    prefix: redis.prefix,
    timeoutMs: 300,
    logger: createLogger({ write: (l) => lines.push(l) }),
    ...options,
  });
  const b = createRedisStore({ client: redis.client, prefix: redis.prefix });
  const logged = () =>
    lines.map((l) => JSON.parse(l) as { level: string; msg: string } & Record<string, unknown>);
  const count = (msg: string) => logged().filter((l) => l.msg === msg).length;
  return {
    redis,
    relay,
    client,
    a,
    b,
    logged,
    count,
    replayed: (times = 1) =>
      until(
        () => (count('redis invalidations replayed') >= times ? true : undefined),
        'the invalidations to be replayed',
        5_000,
      ),
    async [Symbol.asyncDispose]() {
      await a.close();
      client.destroy();
      await relay[Symbol.asyncDispose]();
      await redis[Symbol.asyncDispose]();
    },
  };
}

/**
 * `a` invalidates `k` while Redis is cut; Redis comes back but refuses the replay on reconnect
 * (the version key has the wrong type), then is fixed. Answers the version key's name.
 */
async function firstReplayFails(env: Awaited<ReturnType<typeof storesBehindRelay>>) {
  const { a, relay, redis } = env;
  const version = `${redis.prefix}v:k`;
  relay.cut();
  await a.invalidate(['k']);
  await redis.client.rPush(version, 'not a number');
  relay.restore();
  await until(
    () => (env.count('redis invalidation replay failed') > 0 ? true : undefined),
    'the replay on reconnect to fail',
    5_000,
  );
  await redis.client.del(version);
  return version;
}

describe('Redis store outages (real Redis behind a relay)', () => {
  test('past maxPending failed keys, a fetch that began before the write cannot store its old answer after the replay', async () => {
    await using env = await storesBehindRelay({ maxPending: 1 });
    const { a, b, relay } = env;
    const before = await b.lookup('x');
    expect(before.entry).toBeUndefined();
    relay.cut();
    await a.invalidate(['x']);
    await a.invalidate(['y']);
    relay.restore();
    await env.replayed();
    expect(await b.store('x', entry('old'), 60_000, before.version)).toBe(false);
    expect((await a.lookup('x')).entry).toBeUndefined();
    // A lookup after the replay stores again.
    const after = await b.lookup('x');
    expect(await b.store('x', entry('new'), 60_000, after.version)).toBe(true);
    expect((await a.lookup('x')).entry?.body).toBe('new');
  });

  test('past maxPending failed keys, the replay retires every entry under the prefix, and only under it', async () => {
    await using env = await storesBehindRelay({ maxPending: 1 });
    const { a, b, relay, redis } = env;
    for (const key of ['a', 'b', 'untouched'])
      expect(await a.store(key, entry(key), 60_000, (await a.lookup(key)).version)).toBe(true);
    const neighbourPrefix = `${redis.prefix.slice(0, -1)}-other:`;
    const neighbour = createRedisStore({ client: redis.client, prefix: neighbourPrefix });
    expect(await neighbour.store('kept', entry('kept'), 60_000, '0.0')).toBe(true);
    try {
      relay.cut();
      await a.invalidate(['a']);
      await a.invalidate(['b']);
      relay.restore();
      await env.replayed();
      for (const key of ['a', 'b', 'untouched']) {
        expect((await a.lookup(key)).entry).toBeUndefined();
        expect((await b.lookup(key)).entry).toBeUndefined();
      }
      expect((await neighbour.lookup('kept')).entry?.body).toBe('kept');
      expect(env.logged()).toContainEqual(
        expect.objectContaining({ msg: 'redis invalidations replayed', keys: 'all' }),
      );
    } finally {
      await redis.client.del([`${neighbourPrefix}c:kept`]);
    }
  });

  test('past maxPending failed keys, a hung Redis holds a read about one timeout per call, not the replay', async () => {
    await using env = await storesBehindRelay({ maxPending: 1 });
    const { a, relay } = env;
    relay.stall();
    await a.invalidate(['x']);
    await a.invalidate(['y']);
    const started = performance.now();
    const seen = await a.lookup('z');
    // The replay and the lookup wait 300 ms each at most.
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(seen.entry).toBeUndefined();
  });

  test('a replay that fails after Redis is back is tried again, without any request', async () => {
    await using env = await storesBehindRelay();
    const { redis } = env;
    const version = await firstReplayFails(env);
    await until(
      async () => ((await redis.client.get(version)) === '1' ? true : undefined),
      'a later replay to reach Redis',
      5_000,
    );
    expect(env.count('redis invalidations replayed')).toBe(1);
  });

  test('a replay failure is logged once per outage, not once per read', async () => {
    await using env = await storesBehindRelay();
    const { a, relay } = env;
    relay.cut();
    await a.invalidate(['k']);
    for (let i = 0; i < 5; i++)
      expect(await a.lookup('k')).toEqual({ entry: undefined, version: 'redis-unavailable' });
    expect(env.count('redis invalidation replay failed')).toBe(1);
    relay.restore();
    await env.replayed();
    relay.cut();
    await a.invalidate(['k']);
    for (let i = 0; i < 5; i++) await a.lookup('k');
    expect(env.count('redis invalidation replay failed')).toBe(2);
  });

  test('at close, remembered invalidations get one last try', async () => {
    await using env = await storesBehindRelay();
    const { a, redis } = env;
    const version = await firstReplayFails(env);
    await a.close();
    expect(await redis.client.get(version)).toBe('1');
    expect(env.logged().filter((l) => l.level === 'error')).toHaveLength(1); // the failed invalidation
  });

  test('at close, the invalidations that could not be replayed are counted in an error line', async () => {
    await using env = await storesBehindRelay();
    const { a, relay } = env;
    relay.cut();
    await a.invalidate(['k', 'j']);
    const started = performance.now();
    await a.close();
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(env.logged().at(-1)).toMatchObject({
      level: 'error',
      msg: expect.stringContaining('redis invalidations not replayed at shutdown'),
      keys: 2,
    });
  });
});
