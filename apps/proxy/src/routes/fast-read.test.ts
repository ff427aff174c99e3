import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, test } from 'vitest';
import { nodeHashKey } from '../node/node-hash.js';
import { AMBERFLO_KEY, createStack, type Stack } from '../test/harness.js';
import { type FastAnswer, scanUtf8Length, utf8Length, validHost } from './fast-read.js';

const PATH = '/customers/customer-123456';

/** The fast path's answer for `url` as `stack.keys[as]`, with extra request headers. */
function fast(
  stack: Stack,
  url: string,
  as: keyof Stack['keys'] | null = 'admin',
  extra: Record<string, string> = {},
  method = 'GET',
): FastAnswer | Promise<FastAnswer> | undefined {
  const headers: Record<string, string> = { host: '127.0.0.1', ...extra };
  if (as) headers.authorization = `Bearer ${stack.keys[as]}`;
  return stack.proxy.fastRead?.(method, url, Object.entries(headers).flat());
}

/** A synchronous answer (a fresh HIT); fails on a promise or a fall-through. */
function now(answer: ReturnType<typeof fast>): FastAnswer {
  if (!answer || 'then' in answer) throw new Error('expected an answer in this tick');
  return answer;
}

/** An answer that needed upstream or the cache's async path; fails otherwise. */
async function later(answer: ReturnType<typeof fast>): Promise<FastAnswer> {
  if (!answer || !('then' in answer)) throw new Error('expected a pending answer');
  return answer;
}

const bytesOf = (answer: FastAnswer) =>
  typeof answer.body === 'string' ? new TextEncoder().encode(answer.body) : answer.body;
/** The answer's headers but Content-Length, which must match the body's bytes. */
const headersOf = (answer: FastAnswer) => {
  const out: Record<string, string> = {};
  for (let i = 0; i < answer.headers.length; i += 2)
    out[answer.headers[i]!] = answer.headers[i + 1]!;
  expect(out['content-length']).toBe(String(bytesOf(answer).byteLength));
  delete out['content-length'];
  return out;
};
const text = (answer: FastAnswer) => new TextDecoder().decode(bytesOf(answer));
const VARYING = ['x-request-id', 'server-timing', 'ratelimit-remaining', 'age'];

/** The fast path starts answering once the cache keys' account digest is ready. */
async function ready(stack: Stack) {
  await stack.call('/customers', { as: 'admin', headers: { 'cache-control': 'no-cache' } });
  stack.lines.length = 0;
}

/** The fast answer has exactly the app response's headers, bar the per-request ones. */
function expectSameHeaders(answer: FastAnswer, viaApp: Response, alsoVarying: string[] = []) {
  const varying = [...VARYING, ...alsoVarying];
  const headers = headersOf(answer);
  const expected = Object.fromEntries(viaApp.headers);
  for (const name of varying) delete expected[name];
  for (const [name, value] of Object.entries(expected)) expect(headers[name], name).toBe(value);
  const names = Object.keys(headers).filter((n) => !varying.includes(n));
  expect(names.sort()).toEqual(Object.keys(expected).sort());
}

describe('fast path for cached GETs', () => {
  test('a fresh HIT in this tick: same status, body and headers as the app, one log line, the metrics', async () => {
    await using stack = await createStack({
      proxy: { hashKey: nodeHashKey, rateLimit: { default: '100/min' } },
    });
    expect((await stack.call(PATH)).headers.get('x-cache')).toBe('MISS');
    const viaApp = await stack.call(PATH);
    expect(viaApp.headers.get('x-cache')).toBe('HIT');
    stack.lines.length = 0;

    const answer = now(fast(stack, PATH, 'admin', { 'x-request-id': 'trace-7' }));
    expect(answer.status).toBe(200);
    expect(text(answer)).toBe(await viaApp.text());
    expectSameHeaders(answer, viaApp);
    const headers = headersOf(answer);
    expect(headers['x-request-id']).toBe('trace-7');
    expect(headers['server-timing']).toMatch(/^auth;dur=[\d.]+, cache;dur=[\d.]+$/);
    expect(headers['ratelimit-remaining']).toBe('97');

    expect(stack.lines.map((l) => JSON.parse(l))).toEqual([
      expect.objectContaining({
        msg: 'request',
        requestId: 'trace-7',
        method: 'GET',
        route: 'getCustomerById',
        status: 200,
        cache: 'HIT',
        caller: 'admin',
      }),
    ]);
    const metrics = stack.proxy.metrics.render();
    expect(metrics).toContain(
      'amberkit_proxy_requests_total{route="getCustomerById",method="GET",status="200"} 3',
    );
    expect(metrics).toContain('amberkit_proxy_cache_total{result="hit"} 2');
  });

  test('MISS, BYPASS and STALE go through the cache as in the app, with a generated request id', async () => {
    const clock = { now: Date.now() };
    await using stack = await createStack({
      proxy: { hashKey: nodeHashKey, clock: () => clock.now },
    });
    await ready(stack);
    const invoices = '/payments-billing-customer-product-invoice?customerId=customer-123456';
    const miss = await later(fast(stack, invoices, 'reader'));
    expect(headersOf(miss)['x-cache']).toBe('MISS');
    expect(headersOf(miss)['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    for (const part of ['auth', 'cache', 'upstream'])
      expect(headersOf(miss)['server-timing']).toMatch(new RegExp(`${part};dur=[\\d.]+`));
    const viaApp = await stack.call(invoices, { as: 'reader' });
    expect(viaApp.headers.get('x-cache')).toBe('HIT');
    expect(text(miss)).toBe(await viaApp.text());
    expectSameHeaders(miss, viaApp, ['x-cache']);
    const line = JSON.parse(stack.lines.at(-2)!);
    expect(line).toMatchObject({ route: 'listInvoices', status: 200, cache: 'MISS' });
    expect(typeof line.upstreamMs).toBe('number');

    const bypass = await later(fast(stack, invoices, 'reader', { 'cache-control': 'no-cache' }));
    expect(headersOf(bypass)['x-cache']).toBe('BYPASS');
    clock.now += 90_000; // past the 60 s TTL, inside the 60 s SWR window
    const stale = await later(fast(stack, invoices, 'reader'));
    expect(headersOf(stale)).toMatchObject({ 'x-cache': 'STALE', age: '90' });
    expect(stack.proxy.metrics.render()).toContain('amberkit_proxy_cache_total{result="stale"} 1');
  });

  test('upstream 404, upstream failure and a wrong Amberflo key answer as the app does', async () => {
    await using stack = await createStack({
      proxy: { hashKey: nodeHashKey, cache: { enabled: false } },
    });
    await ready(stack);
    const missing = await later(fast(stack, '/customers/nobody'));
    const appMissing = await stack.call('/customers/nobody');
    expect(missing.status).toBe(404);
    expect(JSON.parse(text(missing))).toMatchObject({ code: 'NOT_FOUND' });
    expect(JSON.parse(text(missing)).requestId).toBe(headersOf(missing)['x-request-id']);
    expectSameHeaders(missing, appMissing);
    expect(headersOf(missing)['x-cache']).toBe('BYPASS');

    stack.emulator.setFaults([{ status: 500 }]);
    const failed = await later(fast(stack, PATH));
    expect(failed.status).toBe(502);
    expect(JSON.parse(text(failed))).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
    stack.emulator.setFaults([]);

    await using wrongKey = await createStack({
      proxy: {
        hashKey: nodeHashKey,
        cache: { enabled: false },
        upstream: { apiKey: `${AMBERFLO_KEY}-wrong` },
      },
    });
    await ready(wrongKey);
    const rejected = await later(fast(wrongKey, PATH));
    expect(rejected.status).toBe(502);
    expect(JSON.parse(text(rejected))).toMatchObject({ code: 'UPSTREAM_AUTH' });
    expect(wrongKey.lines.some((l) => l.includes('upstream rejected the proxy Amberflo key'))).toBe(
      true,
    );
  });

  test('falls through, taking nothing, for anything the app must answer', async () => {
    await using stack = await createStack({
      proxy: { hashKey: nodeHashKey, rateLimit: { default: '3/min' } },
    });
    await stack.call(PATH); // MISS through the app, stores; 1 of 3 points
    stack.lines.length = 0;
    expect(fast(stack, PATH, null)).toBeUndefined();
    expect(fast(stack, PATH, 'expired')).toBeUndefined();
    expect(fast(stack, PATH, 'invoicesRead')).toBeUndefined();
    expect(fast(stack, PATH, 'admin', {}, 'HEAD')).toBeUndefined();
    expect(fast(stack, `${PATH}?x=1`)).toBeUndefined();
    expect(fast(stack, '/customers/customer%2D123456')).toBeUndefined();
    expect(fast(stack, '/payments-billing-customer-product-invoice')).toBeUndefined();
    expect(fast(stack, '/customers', 'admin', {}, 'POST')).toBeUndefined();
    // Dot segments, which URL parsing removes: the app answers (404), nothing goes upstream.
    expect(fast(stack, '/customers/..')).toBeUndefined();
    expect(fast(stack, '/customers/.')).toBeUndefined();
    // A Host the app would refuse with a 400.
    expect(fast(stack, PATH, 'admin', { host: 'evil.example/x' })).toBeUndefined();
    expect(stack.lines).toEqual([]);
    expect((await stack.call(PATH, { as: 'invoicesRead' })).status).toBe(403);

    now(fast(stack, PATH)); // 2 of 3
    now(fast(stack, PATH)); // 3 of 3
    expect(fast(stack, PATH)).toBeUndefined(); // would be refused: the app answers 429
    const limited = await stack.call(PATH);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('ratelimit-remaining')).toBe('0');
  });

  test('hashes a key once per connection; another key or header on it, or the same on another, is checked afresh', async () => {
    let hashed = 0;
    await using stack = await createStack({
      proxy: {
        hashKey: (key) => {
          hashed++;
          return nodeHashKey(key);
        },
      },
    });
    await stack.call(PATH); // MISS through the app, stores
    const as = (who: keyof Stack['keys'] | 'nobody', connection: object) => {
      const key = who === 'nobody' ? `ak_${'x'.repeat(32)}` : stack.keys[who];
      const headers = ['Host', '127.0.0.1', 'Authorization', `Bearer ${key}`];
      return stack.proxy.fastRead?.('GET', PATH, headers, connection);
    };
    const one = {};
    const two = {};
    hashed = 0;
    expect(now(as('admin', one)).status).toBe(200);
    expect(now(as('admin', one)).status).toBe(200);
    expect(hashed).toBe(1);
    // A different key on the same connection: hashed and checked, never taken for the last.
    expect(as('nobody', one)).toBeUndefined();
    expect(as('invoicesRead', one)).toBeUndefined();
    expect(now(as('reader', one)).status).toBe(200);
    expect(now(as('admin', two)).status).toBe(200);
    expect(hashed).toBe(5);

    // X-API-KEY is remembered too, but an Authorization: Bearer sent beside it wins.
    const three = {};
    const raw = (connection: object, ...headers: string[]) =>
      stack.proxy.fastRead?.('GET', PATH, ['Host', '127.0.0.1', ...headers], connection);
    hashed = 0;
    expect(now(raw(three, 'x-api-key', stack.keys.admin)).status).toBe(200);
    expect(now(raw(three, 'x-api-key', stack.keys.admin)).status).toBe(200);
    expect(hashed).toBe(1);
    const bearer = `Bearer ${stack.keys.invoicesRead}`;
    expect(raw(three, 'x-api-key', stack.keys.admin, 'authorization', bearer)).toBeUndefined();
    expect(now(raw(three, 'x-api-key', stack.keys.admin)).status).toBe(200);
    // The same key in another form is the same key, checked afresh.
    expect(now(raw(three, 'x-api-key', ` ${stack.keys.admin} `)).status).toBe(200);
    expect(now(raw(three, 'authorization', `bearer ${stack.keys.admin}`)).status).toBe(200);
    expect(hashed).toBe(5);
  });

  test("a connection's last URL is answered as itself, and every request on it is authorised afresh", async () => {
    await using stack = await createStack({ proxy: { hashKey: nodeHashKey } });
    await stack.call(PATH); // MISS through the app, stores
    await stack.call('/customers'); // and the list
    const connection = {};
    const get = (url: string, who: keyof Stack['keys'] | 'nobody' = 'admin') => {
      const key = who === 'nobody' ? `ak_${'x'.repeat(32)}` : stack.keys[who];
      return stack.proxy.fastRead?.(
        'GET',
        url,
        ['Host', '127.0.0.1', 'Authorization', `Bearer ${key}`],
        connection,
      );
    };
    const one = text(now(get(PATH)));
    const list = text(now(get('/customers')));
    expect(JSON.parse(one).customerId).toBe('customer-123456');
    expect(Array.isArray(JSON.parse(list))).toBe(true);
    // Alternating on one connection, each URL gets its own answer.
    for (let i = 0; i < 3; i++) {
      expect(text(now(get(PATH)))).toBe(one);
      expect(text(now(get('/customers')))).toBe(list);
    }
    // The URL just served, from a caller without a key or without the scope: the app answers.
    expect(get('/customers', 'nobody')).toBeUndefined();
    expect(get('/customers', 'invoicesRead')).toBeUndefined();
    expect(text(now(get('/customers')))).toBe(list);
  });

  test('the head lines it hands over are its first header pairs, written once', async () => {
    await using stack = await createStack({
      proxy: { hashKey: nodeHashKey, rateLimit: { default: '100/min' } },
    });
    await stack.call(PATH);
    const hit = now(fast(stack, PATH));
    const miss = await later(fast(stack, '/customers'));
    for (const answer of [hit, miss]) {
      const [count, lines] = answer.rendered;
      const pairs = answer.headers.slice(0, count * 2);
      let expected = '';
      for (let i = 0; i < pairs.length; i += 2) expected += `${pairs[i]}: ${pairs[i + 1]}\r\n`;
      expect(lines).toBe(expected);
      expect(count).toBeLessThanOrEqual(answer.checked);
      // Nothing that frames the message is among the pairs a server may write unchecked.
      const unchecked = answer.headers.slice(0, answer.checked * 2).filter((_, i) => i % 2 === 0);
      expect(unchecked).not.toContain('content-length');
      expect(unchecked).not.toContain('connection');
      expect(unchecked).not.toContain('transfer-encoding');
    }
    expect(hit.checked * 2).toBe(hit.headers.indexOf('content-length'));
    // The MISS's Content-Type and the rest of its reply's headers came from upstream: checked.
    expect(miss.headers.slice(0, miss.checked * 2)).not.toContain('content-type');
  });

  test('reads its headers from the raw list in any case; one sent twice goes to the app', async () => {
    await using stack = await createStack({ proxy: { hashKey: nodeHashKey } });
    await stack.call(PATH); // MISS through the app, stores
    stack.lines.length = 0;
    const direct = (...headers: string[]) => stack.proxy.fastRead?.('GET', PATH, headers);
    const raw = (...headers: string[]) => direct('Host', '127.0.0.1', ...headers);
    const key = stack.keys.admin;
    const named = now(raw('AUTHORIZATION', `bearer ${key}`, 'X-Request-ID', 'trace-9'));
    expect(headersOf(named)['x-request-id']).toBe('trace-9');
    expect(now(direct('HOST', 'x', 'X-Api-Key', key)).status).toBe(200);
    // No Host: the app answers (refused on HTTP/1.1, read against the server's name on 1.0).
    expect(direct('X-Api-Key', key)).toBeUndefined();
    const bypass = await later(raw('x-api-key', key, 'Cache-Control', 'no-cache'));
    expect(headersOf(bypass)['x-cache']).toBe('BYPASS');
    stack.lines.length = 0;
    // Repeated: the app reads them joined, as HTTP combines them (a second Host it refuses).
    expect(raw('authorization', `Bearer ${key}`, 'Authorization', `Bearer ${key}`)).toBeUndefined();
    expect(raw('x-api-key', key, 'X-API-KEY', key)).toBeUndefined();
    expect(raw('x-api-key', key, 'x-request-id', 'a', 'x-request-id', 'b')).toBeUndefined();
    expect(raw('x-api-key', key, 'cache-control', 'max-age=0', 'cache-control', 'no-cache')).toBe(
      undefined,
    );
    expect(stack.lines).toEqual([]);
  });

  test('is absent when CORS is configured (the app adds its headers)', async () => {
    await using stack = await createStack({
      proxy: { hashKey: nodeHashKey, corsOrigins: ['https://app.example.com'] },
    });
    expect(stack.proxy.fastRead).toBeUndefined();
  });
});

describe('utf8Length', () => {
  test.each([
    ['Node', utf8Length],
    ['without Buffer', scanUtf8Length],
  ])('%s: matches TextEncoder on every kind of code unit, paired or lone', (_, length) => {
    const encoder = new TextEncoder();
    const samples = [
      '',
      'plain ascii',
      '\u0000\u001f\u007f{"a":1}',
      '\u0080',
      'café',
      '€100',
      '日本語',
      '😀 emoji',
      'a\ud800b',
      'x\udc00',
      '\ud83d',
    ];
    // And random strings over ASCII, 2- and 3-byte units, pairs and lone surrogates.
    let seed = 42;
    const next = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed;
    };
    const units = [
      0x41, 0x7f, 0x80, 0x7ff, 0x800, 0xd7ff, 0xd800, 0xdbff, 0xdc00, 0xdfff, 0xe000, 0xffff,
    ];
    for (let n = 0; n < 500; n++) {
      let text = '';
      for (let i = next() % 20; i > 0; i--)
        text += String.fromCharCode(units[next() % units.length]!);
      samples.push(text);
    }
    for (const text of samples)
      expect(length(text), JSON.stringify(text)).toBe(encoder.encode(text).byteLength);
  });
});

describe('validHost', () => {
  test('accepts names, addresses and ports as @hono/node-server does, and refuses the rest', () => {
    for (const host of [
      'localhost',
      'API.example.com',
      'api.example.com:8443',
      'API.example.com:8443',
      '127.0.0.1:80',
      '[::1]:8080',
      '[::1]',
    ])
      expect(validHost(host), host).toBe(true);
    for (const host of [
      'evil.example/x',
      'a b',
      'user@evil.example',
      '[::1',
      'a#b',
      'a?b',
      'a:b:c',
      '',
    ])
      expect(validHost(host), host).toBe(false);
  });
});

describe('Host', () => {
  test('is checked on every request, not only the first on a connection', async () => {
    await using stack = await createStack({ proxy: { hashKey: nodeHashKey } });
    await stack.call(PATH); // MISS through the app, stores
    const connection = {};
    const as = (host: string) =>
      stack.proxy.fastRead?.(
        'GET',
        PATH,
        ['Host', host, 'authorization', `Bearer ${stack.keys.admin}`],
        connection,
      );
    expect(now(as('api.example.com')).status).toBe(200);
    expect(as('evil.example/x')).toBeUndefined();
    expect(now(as('other.example:8080')).status).toBe(200);
    expect(as('a b')).toBeUndefined();
    expect(now(as('other.example:8080')).status).toBe(200);
  });
});

describe('route memory', () => {
  test('requests the fast path declines leave nothing behind (4,000 unauthenticated 16 kB URLs)', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    await using stack = await createStack({ proxy: { hashKey: nodeHashKey } });
    await ready(stack);
    const fastRead = stack.proxy.fastRead!;
    const filler = 'x'.repeat(16_000);
    gc();
    const before = process.memoryUsage().heapUsed;
    const host = ['Host', '127.0.0.1'];
    for (let i = 0; i < 4_000; i++) {
      expect(fastRead('GET', `/customers/${filler}${i}`, host)).toBeUndefined();
      expect(fastRead('GET', `/nothing/${filler}${i}`, host)).toBeUndefined();
    }
    gc();
    const grown = process.memoryUsage().heapUsed - before;
    // Kept, they would be 128 MB; the bound leaves room for the runtime's own noise.
    expect(grown).toBeLessThan(16 * 1024 * 1024);
  });

  test('authorised requests for long URLs are answered but not remembered (1,000 × 64 kB)', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    // No rate limit: the default 600/min would send the later requests to the app.
    const proxy = { hashKey: nodeHashKey, rateLimit: { default: null } };
    await using stack = await createStack({ proxy });
    await ready(stack);
    const fastRead = stack.proxy.fastRead!;
    const filler = 'y'.repeat(64_000);
    const headers = ['Host', '127.0.0.1', 'authorization', `Bearer ${stack.keys.admin}`];
    gc();
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < 1_000; i++) {
      // An unknown customer: the fast path takes it and answers upstream's 404.
      const answer = await fastRead('GET', `/customers/${filler}${i}`, headers);
      expect(answer?.status).toBe(404);
    }
    // The emulator's request log (and the captured log lines) keep what they saw: not ours.
    stack.emulator.clearRequests();
    stack.lines.length = 0;
    gc();
    const grown = process.memoryUsage().heapUsed - before;
    // Remembered, the URLs alone would be 64 MB.
    expect(grown).toBeLessThan(16 * 1024 * 1024);
  });
});
