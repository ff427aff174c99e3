import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, test } from 'vitest';
import { loadConfig } from '../config/load-config.js';
import { startProxyServer } from '../node/server.js';
import { createLogger } from '../observability/logger.js';
import { asCaller, makeKeys } from '../test/harness.js';

type Answer = (res: ServerResponse) => void;

const json =
  (status: number, body: unknown, headers: Record<string, string> = {}): Answer =>
  (res) =>
    res
      .writeHead(status, { 'content-type': 'application/json', ...headers })
      .end(JSON.stringify(body));

/** Answers every request with `stack.answer`; counts them. */
async function oddUpstream(env: Record<string, string>) {
  const state = { answer: json(200, []) as Answer, hits: 0 };
  const upstream = createServer((req, res) => {
    state.hits++;
    req.resume();
    state.answer(res);
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  const { plain, entries } = await makeKeys({ team: { scopes: ['*'], rateLimit: '600/min' } });
  const server = await startProxyServer(
    loadConfig({
      AMBERFLO_API_KEY: 'odd-upstream-key-000',
      AMBERFLO_BASE_URL: `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`,
      AMBERKIT_KEYS: JSON.stringify(entries),
      PORT: '0',
      ...env,
    }),
    { logger: createLogger({ write: () => {} }) },
  );
  return {
    state,
    call: (path: string, init: RequestInit = {}) =>
      fetch(`${server.url}${path}`, asCaller(plain.team, init)),
    async [Symbol.asyncDispose]() {
      await server.close();
      await new Promise((resolve) => upstream.close(resolve));
    },
  };
}

// The fast path answers cached GETs without CORS; with CORS every request takes the app.
describe.each([
  ['the fast path', {}],
  ['the app', { AMBERKIT_CORS_ORIGINS: 'https://app.example.com' }],
])('upstream answers outside the API, through %s', (_, env) => {
  test('a redirect is a 502, never forwarded, followed, retried or cached', async () => {
    await using s = await oddUpstream(env);
    s.state.answer = (res) =>
      res.writeHead(301, { location: 'https://elsewhere.example/customers/x' }).end();
    for (let i = 1; i <= 2; i++) {
      const res = await s.call('/customers/x');
      expect(res.status).toBe(502);
      expect(res.headers.get('location')).toBeNull();
      expect(await res.json()).toMatchObject({
        code: 'UPSTREAM_UNAVAILABLE',
        message: expect.stringContaining('redirect (301)'),
      });
      expect(s.state.hits).toBe(i);
    }
    const write = await s.call('/customers', {
      method: 'PUT',
      body: JSON.stringify({ customerId: 'x', customerName: 'X' }),
    });
    expect(write.status).toBe(502);
  });

  test('a 2xx that is not JSON (a captive portal) is a 502 and not cached', async () => {
    await using s = await oddUpstream(env);
    s.state.answer = (res) =>
      res.writeHead(200, { 'content-type': 'text/html' }).end('<html>Sign in to Wi-Fi</html>');
    for (let i = 1; i <= 2; i++) {
      const res = await s.call('/customers/x');
      expect(res.status).toBe(502);
      expect(res.headers.get('x-cache')).toBe('MISS');
      expect(await res.json()).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
      expect(s.state.hits).toBe(i);
    }
    // JSON by another name passes, with or without a Content-Type.
    s.state.answer = (res) =>
      res.writeHead(200, { 'content-type': 'application/problem+json' }).end('{"customerId":"y"}');
    expect((await s.call('/customers/y')).status).toBe(200);
    s.state.answer = (res) => res.writeHead(200).end('{"customerId":"z"}');
    expect((await s.call('/customers/z')).status).toBe(200);
  });

  test('a 4xx the API does not use keeps its status but never claims VALIDATION_FAILED; 422 does', async () => {
    await using s = await oddUpstream(env);
    s.state.answer = json(418, { message: 'short and stout', code: 'VALIDATION_FAILED' });
    const teapot = await s.call('/customers/x');
    expect(teapot.status).toBe(418);
    expect(await teapot.json()).toMatchObject({ code: 'INTERNAL', message: 'short and stout' });
    s.state.answer = json(422, { message: 'bad' });
    const unprocessable = await s.call('/customers/x');
    expect(unprocessable.status).toBe(422);
    expect(await unprocessable.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  test("an upstream 429 keeps Amberflo's Retry-After, without the key's own RateLimit-*", async () => {
    await using s = await oddUpstream(env);
    const ok = await s.call('/customers/x');
    expect(ok.headers.get('ratelimit-remaining')).not.toBeNull();
    s.state.answer = json(429, {}, { 'retry-after': '9' });
    const limited = await s.call('/customers/y');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('9');
    for (const name of ['ratelimit-limit', 'ratelimit-remaining', 'ratelimit-reset'])
      expect(limited.headers.get(name)).toBeNull();
    expect(await limited.json()).toMatchObject({
      code: 'RATE_LIMITED',
      message: expect.stringContaining('Amberflo is rate-limiting the proxy'),
    });
  });
});
