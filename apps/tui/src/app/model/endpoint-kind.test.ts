import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLogger, generateKey, hashKey, loadConfig } from '@amberkit/proxy';
import { startProxyServer } from '@amberkit/proxy/node';
import { createEmulator } from '@amberkit/testing';
import { describe, expect, test } from 'vitest';
import { detectEndpointKind } from './endpoint-kind.js';

/** A stand-in for the proxy's documented `/healthz`, for upstream kinds a test cannot reach. */
async function proxyLike(kind: string) {
  const server = createServer((req, res) => {
    if (req.url === '/healthz') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ status: 'ok', upstream: { origin: 'https://x.example', kind } }));
    } else {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end('{"message":"not found","code":"NOT_FOUND"}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    [Symbol.asyncDispose]: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const noNetwork: typeof fetch = async () => {
  throw new TypeError('fetch failed (this test never leaves the machine)');
};

describe('detectEndpointKind', () => {
  test('the emulator over TCP is an emulator', async () => {
    await using server = await createEmulator().listen();
    expect(await detectEndpointKind(`${server.url}/`, fetch, AbortSignal.timeout(5000))).toEqual({
      kind: 'emulator',
      detail: 'emulator',
    });
  });

  test('the real proxy (over TCP) in front of an emulator is an emulator, not live', async () => {
    const upstreamKey = 'tui-proxy-upstream-key';
    const emulator = createEmulator({ accounts: [upstreamKey] });
    await using upstream = await emulator.listen();
    const config = loadConfig({
      AMBERFLO_API_KEY: upstreamKey,
      AMBERFLO_BASE_URL: upstream.url,
      AMBERKIT_KEYS: JSON.stringify([
        {
          name: 'tui',
          hash: await hashKey(generateKey()),
          scopes: ['*'],
          expiresAt: null,
          rateLimit: null,
        },
      ]),
      PORT: '0',
    });
    const proxy = await startProxyServer(config, { logger: createLogger({ write: () => {} }) });
    try {
      expect(await detectEndpointKind(proxy.url, fetch, AbortSignal.timeout(5000))).toEqual({
        kind: 'emulator',
        detail: 'proxy → emulator',
      });
    } finally {
      await proxy.close();
    }
  });

  test('a proxy in front of an emulator is not live; in front of Amberflo or anything else it is', async () => {
    for (const [upstream, expected] of [
      ['emulator', { kind: 'emulator', detail: 'proxy → emulator' }],
      ['amberflo', { kind: 'live', detail: 'proxy → amberflo' }],
      ['other', { kind: 'live', detail: 'proxy → other' }],
    ] as const) {
      await using proxy = await proxyLike(upstream);
      expect(await detectEndpointKind(proxy.url, fetch, AbortSignal.timeout(5000))).toEqual(
        expected,
      );
    }
  });

  test('Amberflo by origin, and anything unknown or unreachable, is live', async () => {
    expect(
      await detectEndpointKind('https://app.amberflo.io', noNetwork, AbortSignal.timeout(5000)),
    ).toEqual({ kind: 'live', detail: 'amberflo' });
    const closed = await proxyLike('x');
    const url = closed.url;
    await closed[Symbol.asyncDispose]();
    expect(await detectEndpointKind(url, fetch, AbortSignal.timeout(5000))).toEqual({
      kind: 'live',
      detail: 'unknown endpoint',
    });
    expect(await detectEndpointKind('not a url', noNetwork, AbortSignal.timeout(5000))).toEqual({
      kind: 'live',
      detail: 'unknown endpoint',
    });
  });
});
