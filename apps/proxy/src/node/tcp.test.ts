import { createEmulator } from '@amberkit/testing';
import { describe, expect, test } from 'vitest';
import { loadConfig } from '../config/load-config.js';
import { createLogger } from '../observability/logger.js';
import { asCaller, makeKeys } from '../test/harness.js';
import { until } from '../test/poll.js';
import { startProxyServer } from './server.js';

const AMBERFLO_KEY = 'tcp-amberflo-key-0001';

async function stack(env: Record<string, string> = {}) {
  const emulator = createEmulator({ accounts: [AMBERFLO_KEY] });
  const upstream = await emulator.listen();
  const { plain, entries } = await makeKeys({ team: { scopes: ['*'] } });
  const config = loadConfig({
    AMBERFLO_API_KEY: AMBERFLO_KEY,
    AMBERFLO_BASE_URL: upstream.url,
    AMBERKIT_KEYS: JSON.stringify(entries),
    PORT: '0',
    ...env,
  });
  const lines: string[] = [];
  const server = await startProxyServer(config, {
    logger: createLogger({ write: (l) => lines.push(l), secrets: [AMBERFLO_KEY] }),
  });
  const call = (path: string, init: RequestInit = {}) =>
    fetch(`${server.url}${path}`, asCaller(plain.team, init));
  return {
    emulator,
    upstream,
    server,
    call,
    lines,
    async [Symbol.asyncDispose]() {
      await server.close();
      await upstream.close();
      await emulator.close();
    },
  };
}

describe('over TCP: @hono/node-server proxy in front of the emulator on 127.0.0.1', () => {
  test('every operation end to end', async () => {
    await using s = await stack();
    expect(s.server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const post = (path: string, body: unknown, method = 'POST') =>
      s.call(path, { method, body: JSON.stringify(body) });
    expect((await s.call('/customers')).status).toBe(200);
    expect((await post('/customers', { customerId: 'tcp-1', customerName: 'TCP' })).status).toBe(
      200,
    );
    expect(await (await s.call('/customers/tcp-1')).json()).toMatchObject({ customerName: 'TCP' });
    expect(
      (await post('/customers', { customerId: 'tcp-1', customerName: 'TCP 2' }, 'PUT')).status,
    ).toBe(200);
    expect(await (await s.call('/customers/tcp-1')).json()).toMatchObject({
      customerName: 'TCP 2',
    });
    expect(
      (await s.call('/payments-billing-customer-product-invoice?customerId=customer-123456'))
        .status,
    ).toBe(200);
    expect(
      (
        await post('/payments-pricing-amberflo-customer-prepaid', {
          customerId: 'tcp-1',
          amount: 20,
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await post('/payments-pricing-amberflo-customer-pricing', {
          customerId: 'tcp-1',
          productId: 'p1',
        })
      ).status,
    ).toBe(200);
    expect((await s.call('/customers/tcp-1', { method: 'DELETE' })).status).toBe(200);
    expect((await s.call('/customers/tcp-1')).status).toBe(404);
    const health = await (await fetch(`${s.server.url}/healthz`)).json();
    expect(health).toEqual({
      status: 'ok',
      upstream: { origin: s.upstream.url, kind: 'emulator' },
    });
    expect((await fetch(`${s.server.url}/readyz`)).status).toBe(200);
  });

  test('request id, Cache-Control, security headers and Server-Timing behave the same over TCP', async () => {
    await using s = await stack();
    const first = await s.call('/customers/customer-123456', {
      headers: { 'x-request-id': 'tcp-req-1' },
    });
    expect(first.headers.get('x-request-id')).toBe('tcp-req-1');
    expect(first.headers.get('x-cache')).toBe('MISS');
    expect(first.headers.get('x-content-type-options')).toBe('nosniff');
    for (const metric of ['auth', 'cache', 'upstream']) {
      expect(first.headers.get('server-timing')).toMatch(new RegExp(`${metric};dur=[\\d.]+`));
    }
    expect((await s.call('/customers/customer-123456')).headers.get('x-cache')).toBe('HIT');
    const bypass = await s.call('/customers/customer-123456', {
      headers: { 'cache-control': 'no-cache' },
    });
    expect(bypass.headers.get('x-cache')).toBe('BYPASS');
    const bad = await s.call('/customers', { headers: { 'x-request-id': 'no spaces allowed' } });
    expect(bad.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const noKey = await fetch(`${s.server.url}/customers`, {
      headers: { 'x-api-key': 'ak_notAKnownKey1234567890' },
    });
    expect(noKey.status).toBe(401);
    expect(s.lines.map((l) => JSON.parse(l).requestId)).toContain('tcp-req-1');
  });

  test('close() drains a cached GET in flight on the fast path: it finishes with Connection: close', async () => {
    await using s = await stack();
    s.emulator.setFaults([{ method: 'GET', path: '/customers/customer-123456', latencyMs: 300 }]);
    const inFlight = s.call('/customers/customer-123456');
    await until(
      () =>
        s.emulator.requests().some((r) => r.path === '/customers/customer-123456')
          ? true
          : undefined,
      'the slow request to reach upstream',
    );
    const closed = s.server.close();
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(response.headers.get('connection')).toBe('close');
    expect(response.headers.get('x-cache')).toBe('MISS');
    await closed;
    expect(s.lines.filter((l) => l.includes('"msg":"request"'))).toHaveLength(1);
  });

  test("single-flight: 50 concurrent cold GETs with upstream latency → the emulator's request log shows one", async () => {
    await using s = await stack();
    const admin = (path: string, init?: RequestInit) =>
      fetch(`${s.upstream.url}/_emulator/${path}`, init);
    await admin('faults', {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        rules: [{ method: 'GET', path: '/customers/customer-123456', latencyMs: 200 }],
      }),
    });
    await admin('requests', { method: 'DELETE' });
    const answers = await Promise.all(
      Array.from({ length: 50 }, () => s.call('/customers/customer-123456')),
    );
    expect(answers.map((r) => r.status)).toEqual(Array(50).fill(200));
    const bodies = await Promise.all(answers.map((r) => r.json()));
    expect(new Set(bodies.map((b) => JSON.stringify(b))).size).toBe(1);
    const log = (await (await admin('requests')).json()) as Array<{ method: string; path: string }>;
    expect(
      log.filter((r) => r.method === 'GET' && r.path === '/customers/customer-123456'),
    ).toHaveLength(1);
  });

  test('the emulator fault API drives stale-if-error over TCP', async () => {
    await using s = await stack({
      AMBERKIT_CACHE_TTL_CUSTOMER: '0',
      AMBERKIT_CACHE_SWR: '0',
      AMBERKIT_UPSTREAM_RETRIES: '0',
    });
    expect((await s.call('/customers/customer-123456')).headers.get('x-cache')).toBe('MISS');
    await fetch(`${s.upstream.url}/_emulator/faults`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ rules: [{ path: '/customers', status: 503 }] }),
    });
    const stale = await s.call('/customers/customer-123456');
    expect(stale.status).toBe(200);
    expect(stale.headers.get('x-cache')).toBe('STALE');
    expect((await s.call('/customers')).status).toBe(502);
  });
});
