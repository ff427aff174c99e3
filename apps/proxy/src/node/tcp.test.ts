import { Agent, request } from 'node:http';
import { connect } from 'node:net';
import { describe, expect, test } from 'vitest';
import { until } from '../test/poll.js';
import { AMBERFLO_KEY, tcpStack } from '../test/tcp-stack.js';
import { headKeptAsString } from './server.js';

/** One raw HTTP/1.1 exchange on its own connection: what fetch would refuse to send. */
async function rawExchange(
  port: number,
  head: string,
): Promise<{ status: number; headers: Record<string, string>; body: string }> {
  const text = await new Promise<string>((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    socket.on('error', reject);
    socket.write(`${head}\r\nConnection: close\r\n\r\n`);
  });
  const [top = '', ...rest] = text.slice(0, text.indexOf('\r\n\r\n')).split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of rest) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
  }
  return {
    status: Number(top.split(' ')[1]),
    headers,
    body: text.slice(text.indexOf('\r\n\r\n') + 4),
  };
}

describe('over TCP: @hono/node-server proxy in front of the emulator on 127.0.0.1', () => {
  test('every operation end to end', async () => {
    await using s = await tcpStack();
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
    await using s = await tcpStack();
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

  test.each([
    ['its checked lines written into the head Node builds', true],
    ['every header through writeHead', false],
  ])(
    "a HIT's head on the wire, %s: every header once, as the app sends them, on a kept-alive connection",
    async (_, headLines) => {
      // This Node keeps the head as a string, so the lines are written into it by default.
      expect(headKeptAsString()).toBe(true);
      await using s = await tcpStack({ AMBERKIT_RATE_LIMIT: '100/min' }, headLines);
      const viaApp = await s.call('/customers/customer-123456', {
        headers: { 'x-request-id': 'tcp-head-1' },
      });
      const appBody = await viaApp.text();
      expect(viaApp.headers.get('x-cache')).toBe('MISS');
      const agent = new Agent({ keepAlive: true, maxSockets: 1 });
      const get = () =>
        new Promise<{ raw: string[]; body: string; reused: boolean }>((resolve, reject) => {
          const req = request(
            `${s.server.url}/customers/customer-123456`,
            { agent, headers: { authorization: `Bearer ${s.key}`, 'x-request-id': 'tcp-head-2' } },
            (res) => {
              let body = '';
              res.setEncoding('utf8');
              res.on('data', (chunk: string) => {
                body += chunk;
              });
              res.on('end', () => resolve({ raw: res.rawHeaders, body, reused: req.reusedSocket }));
            },
          );
          req.on('error', reject);
          req.end();
        });
      try {
        const first = await get();
        const second = await get();
        expect(second.reused).toBe(true);
        for (const answer of [first, second]) {
          expect(answer.body).toBe(appBody);
          const names = answer.raw.filter((_, i) => i % 2 === 0).map((n) => n.toLowerCase());
          expect(names.length).toBe(new Set(names).size);
          const headers: Record<string, string> = {};
          for (let i = 0; i < answer.raw.length; i += 2)
            headers[answer.raw[i]!.toLowerCase()] = answer.raw[i + 1]!;
          expect(headers['x-cache']).toBe('HIT');
          expect(headers['x-request-id']).toBe('tcp-head-2');
          expect(headers['content-length']).toBe(String(Buffer.byteLength(appBody)));
          expect(headers.connection).toBe('keep-alive');
          expect(headers['server-timing']).toMatch(/^auth;dur=[\d.]+, cache;dur=[\d.]+$/);
          // Every header the app sent, with the same value but for the per-request ones.
          const varying = [
            'x-request-id',
            'x-cache',
            'age',
            'server-timing',
            'ratelimit-remaining',
            // Seconds to the window's end: another value once a second boundary passes.
            'ratelimit-reset',
          ];
          for (const [name, value] of viaApp.headers) {
            expect(headers, name).toHaveProperty(name);
            if (!varying.includes(name)) expect(headers[name], name).toBe(value);
          }
          expect(headers.age).toMatch(/^\d+$/);
          expect(headers['ratelimit-reset']).toMatch(/^\d+$/);
        }
      } finally {
        agent.destroy();
      }
    },
  );

  test.each([
    ['its checked lines written into the head Node builds', true],
    ['every header through writeHead', false],
  ])(
    'fast answers, %s: the exact bytes upstream sent, ASCII or not, framed right on one kept-alive connection',
    async (_, headLines) => {
      await using s = await tcpStack({}, headLines);
      const name = 'Zoë Ünïcödé — 東京 😀';
      const created = await s.call('/customers', {
        method: 'POST',
        body: JSON.stringify({ customerId: 'tcp-utf8', customerName: name }),
      });
      expect(created.status).toBe(200);
      const agent = new Agent({ keepAlive: true, maxSockets: 1 });
      const get = (path: string, headers: Record<string, string> = {}) =>
        new Promise<{ body: Buffer; length: string | undefined; cache: unknown; reused: boolean }>(
          (resolve, reject) => {
            const req = request(
              `${s.server.url}${path}`,
              { agent, headers: { authorization: `Bearer ${s.key}`, ...headers } },
              (res) => {
                const chunks: Buffer[] = [];
                res.on('data', (chunk: Buffer) => chunks.push(chunk));
                res.on('end', () =>
                  resolve({
                    body: Buffer.concat(chunks),
                    length: res.headers['content-length'],
                    cache: res.headers['x-cache'],
                    reused: req.reusedSocket,
                  }),
                );
              },
            );
            req.on('error', reject);
            req.end();
          },
        );
      try {
        for (const id of ['tcp-utf8', 'customer-123456']) {
          const direct = await fetch(`${s.upstream.url}/customers/${id}`, {
            headers: { 'x-api-key': AMBERFLO_KEY },
          });
          const expected = Buffer.from(await direct.arrayBuffer());
          expect(expected.length > expected.toString('utf8').length).toBe(id === 'tcp-utf8');
          const answers = [
            await get(`/customers/${id}`),
            await get(`/customers/${id}`),
            await get(`/customers/${id}`, { 'cache-control': 'no-cache' }),
          ];
          expect(answers.map((a) => a.cache)).toEqual(['MISS', 'HIT', 'BYPASS']);
          for (const answer of answers) {
            expect(answer.body.equals(expected), answer.body.toString('utf8')).toBe(true);
            expect(answer.length).toBe(String(expected.length));
          }
          expect(answers.slice(1).every((a) => a.reused)).toBe(true);
        }
        const utf8 = await get('/customers/tcp-utf8');
        expect(JSON.parse(utf8.body.toString('utf8')).customerName).toBe(name);
      } finally {
        agent.destroy();
      }
    },
  );

  test('a GET with a body on a kept-alive connection: its body is read off the wire and the next request answered', async () => {
    await using s = await tcpStack();
    // Far past the request stream's 16 KiB buffer and a socket read: a body nobody reads
    // would stop the connection.
    const body = 'a'.repeat(1024 * 1024);
    const chunked = `${(body.length).toString(16)}\r\n${body}\r\n0\r\n\r\n`;
    for (const [framing, bytes] of [
      [`Content-Length: ${body.length}`, body],
      ['Transfer-Encoding: chunked', chunked],
    ] as const) {
      const head = (extra: string) =>
        `GET /customers/customer-123456 HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${s.key}\r\n${extra}\r\n`;
      const text = await new Promise<string>((resolve, reject) => {
        const socket = connect(s.server.port, '127.0.0.1');
        const chunks: Buffer[] = [];
        socket.on('data', (chunk) => chunks.push(chunk));
        socket.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        socket.on('error', reject);
        socket.setTimeout(5_000, () => reject(new Error(`${framing}: no answer in 5 s`)));
        socket.write(`${head(`${framing}\r\n`)}${bytes}${head('Connection: close\r\n')}`);
      });
      // The second answer's status line follows the first answer's body.
      const statuses = text.match(/HTTP\/1\.1 \d+/g);
      expect(statuses, framing).toEqual(['HTTP/1.1 200', 'HTTP/1.1 200']);
      expect(text.match(/"customerId":"customer-123456"/g), framing).toHaveLength(2);
    }
  });

  test('close() drains a cached GET in flight on the fast path: it finishes with Connection: close', async () => {
    await using s = await tcpStack();
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
    await using s = await tcpStack();
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
    await using s = await tcpStack({
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

  test("malformed requests get the app's answer, never a cached body: bad Host, dot segments, a credential sent twice", async () => {
    await using s = await tcpStack();
    const { key } = s;
    const port = s.server.port;
    const PATH = '/customers/customer-123456';
    // Warm the cache, so the fast path would answer each of these with a HIT if it took it.
    expect((await s.call(PATH)).status).toBe(200);
    s.lines.length = 0;

    for (const host of ['evil.example/x', 'a b', 'user@evil.example', '[::1']) {
      const answer = await rawExchange(
        port,
        `GET ${PATH} HTTP/1.1\r\nHost: ${host}\r\nX-API-KEY: ${key}`,
      );
      expect(answer.status, host).toBe(400);
      const body = JSON.parse(answer.body);
      expect(body).toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ path: 'Host' }] });
      expect(body.requestId).toBe(answer.headers['x-request-id']);
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
      expect(answer.body).not.toContain('customer-123456');
    }
    const logged = s.lines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'request');
    expect(logged.map((l) => [l.route, l.status])).toEqual(Array(4).fill(['unmatched', 400]));

    // `.` and `..` are dot segments, not ids: nothing goes upstream, nothing is cached.
    s.emulator.clearRequests();
    for (const path of ['/customers/..', '/customers/.']) {
      const answer = await rawExchange(
        port,
        `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nX-API-KEY: ${key}`,
      );
      expect(answer.status, path).toBe(404);
      expect(answer.headers['x-cache'], path).toBeUndefined();
    }
    expect(s.emulator.requests()).toEqual([]);

    // Host sent twice: 400 (RFC 9112 §3.2), whichever copy is good; Node alone keeps the first.
    for (const path of [PATH, '/healthz']) {
      const twiceHost = await rawExchange(
        port,
        `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nHost: other.example\r\nX-API-KEY: ${key}\r\nX-Request-Id: trace-7`,
      );
      expect(twiceHost.status, path).toBe(400);
      expect(JSON.parse(twiceHost.body)).toMatchObject({
        code: 'VALIDATION_FAILED',
        issues: [{ path: 'Host', message: 'the Host header is sent more than once' }],
        requestId: 'trace-7', // the caller's id, as on every other answer
      });
    }
    // No Host on HTTP/1.1: 400 naming it (RFC 9112 §3.2), on both paths, never a cached body.
    for (const path of [PATH, '/healthz']) {
      const noHost = await rawExchange(port, `GET ${path} HTTP/1.1\r\nX-API-KEY: ${key}`);
      expect(noHost.status, path).toBe(400);
      expect(JSON.parse(noHost.body)).toMatchObject({
        code: 'VALIDATION_FAILED',
        issues: [{ path: 'Host', message: 'the Host header is missing (HTTP/1.1 requires it)' }],
      });
      expect(noHost.body).not.toContain('customer-123456');
    }
    // HTTP/1.0 needs no Host: a target that cannot be read there is the target's fault.
    const oldTarget = await rawExchange(port, `GET /healthz\\x HTTP/1.0\r\nX-API-KEY: ${key}`);
    expect(oldTarget.status).toBe(400);
    expect(JSON.parse(oldTarget.body).issues).toEqual([
      { path: 'url', message: 'not a valid request target: "/healthz\\\\x"' },
    ]);
    // Host names are case-insensitive, with or without a port, on both paths.
    for (const path of [PATH, '/healthz']) {
      const upper = await rawExchange(
        port,
        `GET ${path} HTTP/1.1\r\nHost: LOCALHOST:${port}\r\nX-API-KEY: ${key}`,
      );
      expect(upper.status, path).toBe(200);
    }
    // A target that is neither origin-form nor a valid absolute URL is the target's fault.
    const star = await rawExchange(port, `GET * HTTP/1.1\r\nHost: 127.0.0.1\r\nX-API-KEY: ${key}`);
    expect(star.status).toBe(400);
    expect(JSON.parse(star.body).issues).toEqual([
      { path: 'url', message: 'not a valid request target: "*"' },
    ]);

    // Authorization twice reads as HTTP joins it (never a valid Bearer), whichever copy is good.
    const twice = (first: string, second: string) =>
      rawExchange(
        port,
        `GET ${PATH} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${first}\r\nAuthorization: Bearer ${second}`,
      );
    expect((await twice(key, 'junk')).status).toBe(401);
    expect((await twice('junk', key)).status).toBe(401);
    expect((await twice(key, key)).status).toBe(401);
    // The same exchange with one header is served (from the cache), so the 401s are the repeat's.
    const once = await rawExchange(
      port,
      `GET ${PATH} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${key}`,
    );
    expect(once.status).toBe(200);
    expect(once.headers['x-cache']).toBe('HIT');
  });

  test('bound to IPv6, an HTTP/1.0 request without Host is served, cached routes included', async () => {
    await using s = await tcpStack({ HOST: '::1' });
    expect(s.server.url).toMatch(/^http:\/\/\[::1\]:\d+$/);
    const exchange = (path: string) =>
      new Promise<string>((resolve, reject) => {
        const socket = connect(s.server.port, '::1');
        const chunks: Buffer[] = [];
        socket.on('data', (chunk) => chunks.push(chunk));
        socket.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        socket.on('error', reject);
        socket.write(`GET ${path} HTTP/1.0\r\nX-API-KEY: ${s.key}\r\n\r\n`);
      });
    for (const path of ['/customers/customer-123456', '/customers/customer-123456', '/healthz'])
      expect((await exchange(path)).split('\r\n')[0], path).toBe('HTTP/1.1 200 OK');
  });
});
