import { createEmulator } from '@amberkit/testing';
import { describe, expect, test } from 'vitest';
import { createProxy } from '../create-proxy.js';
import { createLogger } from '../observability/logger.js';
import { asCaller, makeKeys } from '../test/harness.js';
import { until } from '../test/poll.js';
import { testRedis } from '../test/redis.js';
import { createFlexibleLimiter } from './flexible-limiter.js';
import { createRedisStore } from './redis-store.js';

const KEY_1 = 'account-one-amberflo-key';
const KEY_2 = 'account-two-amberflo-key';

async function setup(rate: string | null = null) {
  const emulator = createEmulator({ accounts: [KEY_1, KEY_2] });
  const server = await emulator.listen();
  const redis = await testRedis();
  const { plain, entries } = await makeKeys({ team: { scopes: ['*'], rateLimit: rate } });
  const lines: string[] = [];
  const make = (apiKey: string, fetch?: (request: Request) => Promise<Response>) =>
    createProxy({
      upstream: { baseUrl: server.url, apiKey, retries: 0 },
      ...(fetch ? { fetch } : {}),
      keys: entries,
      cache: { store: createRedisStore({ client: redis.client, prefix: redis.prefix }) },
      rateLimit: { limiter: createFlexibleLimiter({ redis: redis.client, prefix: redis.prefix }) },
      logger: createLogger({ write: (l) => lines.push(l), secrets: [apiKey] }),
    });
  const call = (proxy: ReturnType<typeof make>, path: string, init: RequestInit = {}) =>
    proxy.app.request(path, asCaller(plain.team, init));
  return {
    emulator,
    redis,
    plain,
    lines,
    make,
    call,
    async [Symbol.asyncDispose]() {
      await redis[Symbol.asyncDispose]();
      await server.close();
      await emulator.close();
    },
  };
}

describe('proxies sharing one Redis', () => {
  test('a write through one instance is seen through the other', async () => {
    await using env = await setup();
    const a = env.make(KEY_1);
    const b = env.make(KEY_1);
    await env.call(b, '/customers/customer-123456');
    expect((await env.call(b, '/customers/customer-123456')).headers.get('x-cache')).toBe('HIT');
    expect((await env.call(a, '/customers/customer-123456')).headers.get('x-cache')).toBe('HIT');
    const put = await env.call(a, '/customers', {
      method: 'PUT',
      body: JSON.stringify({ customerId: 'customer-123456', customerName: 'Shared Rename' }),
    });
    expect(put.status).toBe(200);
    const read = await env.call(b, '/customers/customer-123456');
    expect(read.headers.get('x-cache')).toBe('MISS');
    expect(await read.json()).toMatchObject({ customerName: 'Shared Rename' });
    const list = (await (await env.call(b, '/customers')).json()) as Array<{
      customerId: string;
      customerName: string;
    }>;
    expect(list.find((c) => c.customerId === 'customer-123456')?.customerName).toBe(
      'Shared Rename',
    );
  });

  test('a read after a write through the other instance does not join an older fetch in flight', async () => {
    await using env = await setup();
    const ACME = '/customers/customer-123456';
    let hold: Promise<void> | undefined;
    let release!: () => void;
    const a = env.make(KEY_1);
    // B's upstream answers, then (while `hold` is set) the answer waits before reaching B: a
    // fetch that read the old value upstream and is still in flight when A's write lands.
    const b = env.make(KEY_1, async (request) => {
      const held = request.method === 'GET' ? hold : undefined;
      const response = await fetch(request);
      if (held) await held;
      return response;
    });
    hold = new Promise((resolve) => {
      release = resolve;
    });
    const gets = () => env.emulator.requests().filter((r) => r.path === ACME).length;
    const slowRead = env.call(b, ACME);
    await until(() => (gets() === 1 ? true : undefined), 'the first read to reach upstream');
    hold = undefined;
    const put = await env.call(a, '/customers', {
      method: 'PUT',
      body: JSON.stringify({ customerId: 'customer-123456', customerName: 'After Write' }),
    });
    expect(put.status).toBe(200);
    const nextRead = env.call(b, ACME);
    // Joining the older fetch would make no second upstream request (and return Acme Corp).
    await until(() => (gets() === 2 ? true : undefined), 'the next read to go upstream');
    release();
    expect(await (await slowRead).json()).toMatchObject({ customerName: 'Acme Corp' });
    expect(await (await nextRead).json()).toMatchObject({ customerName: 'After Write' });
    const again = await env.call(b, ACME);
    expect(again.headers.get('x-cache')).toBe('HIT');
    expect(await again.json()).toMatchObject({ customerName: 'After Write' });
  });

  test('two upstream accounts never see each other’s cached data', async () => {
    await using env = await setup();
    const one = env.make(KEY_1);
    const two = env.make(KEY_2);
    const listOne = (await (await env.call(one, '/customers')).json()) as unknown[];
    expect(listOne.length).toBeGreaterThan(30);
    expect((await env.call(one, '/customers/customer-123456')).status).toBe(200);
    expect((await env.call(one, '/customers')).headers.get('x-cache')).toBe('HIT');

    const listTwo = await env.call(two, '/customers');
    expect(listTwo.headers.get('x-cache')).toBe('MISS');
    expect(await listTwo.json()).toEqual([]);
    expect((await env.call(two, '/customers/customer-123456')).status).toBe(404);

    const keys = await env.redis.keys();
    const accounts = new Set(
      keys
        .filter((k) => k.includes(':c:'))
        .map((k) => k.slice(env.redis.prefix.length).split(':')[1]),
    );
    expect(accounts.size).toBe(2);
    const joined = keys.join('\n');
    for (const secret of [KEY_1, KEY_2, env.plain.team, env.plain.team.slice(3)])
      expect(joined).not.toContain(secret);
  });

  test('single-flight holds with the Redis store: 50 cold GETs, one upstream request', async () => {
    await using env = await setup();
    const proxy = env.make(KEY_1);
    env.emulator.setFaults([{ method: 'GET', path: '/customers/customer-123456', latencyMs: 150 }]);
    env.emulator.clearRequests();
    const answers = await Promise.all(
      Array.from({ length: 50 }, () => env.call(proxy, '/customers/customer-123456')),
    );
    expect(answers.map((r) => r.status)).toEqual(Array(50).fill(200));
    expect(new Set(answers.map((r) => r.headers.get('x-cache')))).toEqual(new Set(['MISS']));
    expect(
      env.emulator.requests().filter((r) => r.path === '/customers/customer-123456'),
    ).toHaveLength(1);
    expect(await (await proxy.app.request('/metrics')).text()).toContain(
      'amberkit_proxy_coalesced_requests_total 49',
    );
  });

  test('rate-limit buckets in Redis are shared by the instances', async () => {
    await using env = await setup('3/min');
    const a = env.make(KEY_1);
    const b = env.make(KEY_1);
    const statuses = [];
    for (const proxy of [a, b, a, b]) statuses.push((await env.call(proxy, '/customers')).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect((await env.redis.keys()).some((k) => k.includes(':rl:3/min'))).toBe(true);
  });
});
