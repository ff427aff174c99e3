import { describe, expect, test } from 'vitest';
import { AMBERFLO_KEY, createStack } from '../test/harness.js';
import { findSecrets, transcript } from '../test/secret-scan.js';
import { tcpStack } from '../test/tcp-stack.js';
import { logRequest } from './access-log.js';
import { createLogger, formatMs, redact, roundMs } from './logger.js';
import { Metrics } from './metrics.js';

/** A stack whose upstream calls go to `inner`'s emulator, each one's X-Request-Id recorded. */
function recordingRequestIds(
  inner: Awaited<ReturnType<typeof createStack>>,
  forwarded: Array<string | null>,
) {
  return createStack({
    proxy: {
      fetch: (r) => {
        forwarded.push(r.headers.get('x-request-id'));
        return inner.emulator.fetch(r);
      },
    },
  });
}

describe('request ids, timing, logs and headers', () => {
  test('a well-formed X-Request-Id is kept, forwarded and logged; a malformed one is replaced', async () => {
    await using inner = await createStack();
    const forwarded: Array<string | null> = [];
    await using stack = await recordingRequestIds(inner, forwarded);
    const kept = await stack.call('/customers/customer-123456', {
      headers: { 'x-request-id': 'trace-42_ok' },
    });
    expect(kept.headers.get('x-request-id')).toBe('trace-42_ok');
    expect(forwarded).toEqual(['trace-42_ok']);
    const replaced = await stack.call('/customers', {
      headers: { 'x-request-id': 'bad id with spaces' },
    });
    const id = replaced.headers.get('x-request-id')!;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const lines = stack.lines.map((l) => JSON.parse(l));
    expect(forwarded).toEqual(['trace-42_ok', id]);
    expect(lines.map((l) => l.requestId)).toEqual(['trace-42_ok', id]);
  });

  test('an X-Request-Id shaped like a caller key is replaced: never echoed, forwarded or logged', async () => {
    await using inner = await createStack();
    const forwarded: Array<string | null> = [];
    await using stack = await recordingRequestIds(inner, forwarded);
    const keyShaped = [stack.keys.reader, `trace-${stack.keys.admin}`, 'x-ak_12345678'];
    for (const [i, presented] of keyShaped.entries()) {
      const res = await stack.call('/customers/customer-123456', {
        headers: { 'x-request-id': presented, 'cache-control': 'no-cache' },
      });
      const id = res.headers.get('x-request-id')!;
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect(forwarded[i]).toBe(id);
      expect(JSON.parse(stack.lines[i]!).requestId).toBe(id);
    }
    // Not a key's shape (fewer than 8 characters after ak_): kept.
    const kept = await stack.call('/customers', { headers: { 'x-request-id': 'ak_1234567' } });
    expect(kept.headers.get('x-request-id')).toBe('ak_1234567');
  });

  test('over TCP the fast path replaces it too, on a HIT and on a MISS', async () => {
    await using s = await tcpStack();
    for (const expected of ['MISS', 'HIT']) {
      const res = await s.call('/customers/customer-123456', {
        headers: { 'x-request-id': `id-${s.key}` },
      });
      expect(res.headers.get('x-cache')).toBe(expected);
      expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    }
    expect(s.emulator.requests().map((r) => r.requestId)).not.toContain(`id-${s.key}`);
    expect(s.emulator.requests()[0]?.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  test('one JSON log line per request with route, status, cache result and upstream ms', async () => {
    await using stack = await createStack();
    await stack.call('/customers/customer-123456');
    await stack.call('/customers/customer-123456');
    await stack.call('/nope');
    const lines = stack.lines.map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({
      level: 'info',
      msg: 'request',
      method: 'GET',
      route: 'getCustomerById',
      status: 200,
      cache: 'MISS',
      caller: 'admin',
    });
    expect(typeof lines[0].upstreamMs).toBe('number');
    expect(lines[1]).toMatchObject({ cache: 'HIT', status: 200 });
    expect(lines[1].upstreamMs).toBeUndefined();
    expect(lines[2]).toMatchObject({ route: 'unmatched', status: 404 });
  });

  test('Server-Timing shows auth, cache and upstream', async () => {
    await using stack = await createStack();
    const miss = await stack.call('/customers');
    const timing = miss.headers.get('server-timing') ?? '';
    expect(timing).toMatch(/auth;dur=[\d.]+/);
    expect(timing).toMatch(/cache;dur=[\d.]+/);
    expect(timing).toMatch(/upstream;dur=[\d.]+/);
    // A write's cache time is its invalidation; with the cache off there is none to show.
    const write = await stack.call('/customers/nobody', { method: 'DELETE' });
    expect(write.headers.get('server-timing')).toMatch(
      /^auth;dur=[\d.]+, upstream;dur=[\d.]+, cache;dur=[\d.]+$/,
    );
    await using uncached = await createStack({ proxy: { cache: { enabled: false } } });
    const plain = await uncached.call('/customers/nobody', { method: 'DELETE' });
    expect(plain.headers.get('server-timing')).toMatch(/^auth;dur=[\d.]+, upstream;dur=[\d.]+$/);
  });

  test('security headers are set; CORS is off unless origins are configured', async () => {
    await using stack = await createStack();
    const res = await stack.call('/customers', { headers: { origin: 'https://app.example.com' } });
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('content-security-policy')).toBe(
      "default-src 'none'; frame-ancestors 'none'",
    );
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('strict-transport-security')).toContain('max-age=');
    expect(res.headers.get('access-control-allow-origin')).toBeNull();

    await using withCors = await createStack({
      proxy: { corsOrigins: ['https://app.example.com'] },
    });
    const allowed = await withCors.call('/customers', {
      headers: { origin: 'https://app.example.com' },
    });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    const preflight = await withCors.call('/customers', {
      as: null,
      method: 'OPTIONS',
      headers: { origin: 'https://app.example.com', 'access-control-request-method': 'GET' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-methods')).toBe('GET,HEAD,POST,PUT,DELETE');
    expect(allowed.headers.get('access-control-expose-headers')).toContain('X-Cache');
    expect(allowed.headers.get('access-control-expose-headers')).toContain('Server-Timing');
    const denied = await withCors.call('/customers', {
      headers: { origin: 'https://evil.example' },
    });
    expect(denied.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('CORS preflight and OPTIONS', () => {
  const ORIGIN = 'https://app.example.com';
  const SECURITY = [
    'cache-control',
    'content-security-policy',
    'strict-transport-security',
    'x-content-type-options',
    'x-frame-options',
  ];

  test('a preflight is framed like any answer: request id, security headers, Max-Age, Allow', async () => {
    await using stack = await createStack({ proxy: { corsOrigins: [ORIGIN] } });
    const preflight = await stack.call('/customers/customer-123456', {
      as: null,
      method: 'OPTIONS',
      headers: {
        origin: ORIGIN,
        'access-control-request-method': 'DELETE',
        'x-request-id': 'pre-1',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('x-request-id')).toBe('pre-1');
    for (const name of SECURITY) expect(preflight.headers.get(name)).not.toBeNull();
    expect(preflight.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(preflight.headers.get('access-control-max-age')).toBe('600');
    expect(preflight.headers.get('allow')).toBe('GET, DELETE, HEAD, OPTIONS');
    expect(await preflight.text()).toBe('');
    expect(stack.proxy.metrics.render()).toContain(
      'amberkit_proxy_requests_total{route="preflight",method="OPTIONS",status="204"} 1',
    );
    // No Origin: a plain OPTIONS, answered with Allow and no CORS headers.
    const plain = await stack.call('/customers', { as: null, method: 'OPTIONS' });
    expect(plain.status).toBe(204);
    expect(plain.headers.get('allow')).toBe('GET, POST, PUT, HEAD, OPTIONS');
    expect(plain.headers.get('access-control-allow-methods')).toBeNull();
    expect(plain.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    // An unknown path is a 404, preflight or not; another method's 405 lists OPTIONS too.
    const unknown = await stack.call('/nope', {
      as: null,
      method: 'OPTIONS',
      headers: { origin: ORIGIN, 'access-control-request-method': 'GET' },
    });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ code: 'NOT_FOUND' });
    const patch = await stack.call('/customers', { method: 'PATCH' });
    expect(patch.status).toBe(405);
    expect(patch.headers.get('allow')).toBe('GET, POST, PUT, HEAD, OPTIONS');
    const ops = await stack.call('/healthz', { as: null, method: 'OPTIONS' });
    expect(ops.status).toBe(204);
    expect(ops.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
  });

  test('CORS off: OPTIONS is a 405 whose Allow leaves OPTIONS out', async () => {
    await using stack = await createStack();
    for (const [path, allow] of [
      ['/customers', 'GET, POST, PUT, HEAD'],
      ['/healthz', 'GET, HEAD'],
    ] as const) {
      const res = await stack.call(path, {
        as: null,
        method: 'OPTIONS',
        headers: { origin: ORIGIN, 'access-control-request-method': 'GET' },
      });
      expect(res.status).toBe(405);
      expect(res.headers.get('allow')).toBe(allow);
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
    }
  });

  test('over TCP, AMBERKIT_CORS_MAX_AGE sets Max-Age', async () => {
    await using s = await tcpStack({ AMBERKIT_CORS_ORIGINS: ORIGIN, AMBERKIT_CORS_MAX_AGE: '120' });
    const res = await fetch(`${s.server.url}/customers`, {
      method: 'OPTIONS',
      headers: { origin: ORIGIN, 'access-control-request-method': 'POST' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-max-age')).toBe('120');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('no secret in any response or log line', () => {
  test('a run through every outcome leaks neither the Amberflo key nor caller keys', async () => {
    await using stack = await createStack({ proxy: { rateLimit: { default: '5/min' } } });
    await using wrongUpstreamKey = await createStack({
      proxy: { upstream: { apiKey: `${AMBERFLO_KEY}-wrong` } },
    });
    const responses = [
      await stack.call('/customers'),
      await stack.call('/customers/customer-123456', { as: 'reader' }),
      await stack.call('/customers', { as: null }),
      await stack.call('/customers', {
        as: null,
        headers: { 'x-api-key': 'ak_unknownKeyValue0000000000000000' },
      }),
      await stack.call('/customers', { as: 'expired' }),
      await stack.call('/payments-pricing-amberflo-customer-prepaid', {
        as: 'reader',
        method: 'POST',
        body: '{}',
      }),
      await stack.call('/customers', {
        method: 'POST',
        body: `{"customerId":"${stack.keys.admin}"`,
      }),
      await stack.call('/customers', {
        method: 'POST',
        body: JSON.stringify({ customerId: 1, customerName: stack.keys.admin }),
      }),
      ...(await Promise.all(
        Array.from({ length: 6 }, () => stack.call('/customers', { as: 'reader' })),
      )),
      await stack.call('/metrics', { as: null }),
      await stack.call('/openapi.json', { as: null }),
      await stack.call('/readyz', { as: null }),
      await wrongUpstreamKey.call('/customers'),
      await wrongUpstreamKey.call('/readyz', { as: null }),
    ];
    expect(responses.map((r) => r.status)).toContain(429);
    expect(responses.map((r) => r.status)).toContain(502);
    const secrets = {
      amberflo: AMBERFLO_KEY,
      ...stack.keys,
      ...Object.fromEntries(Object.entries(wrongUpstreamKey.keys).map(([k, v]) => [`w-${k}`, v])),
    };
    const text = `${await transcript(responses)}\n${stack.lines.join('\n')}\n${wrongUpstreamKey.lines.join('\n')}`;
    expect(stack.lines.length).toBeGreaterThan(10);
    expect(findSecrets(text, secrets)).toEqual([]);
  });

  test('control: the scan catches a key planted in a log line', async () => {
    await using stack = await createStack();
    await stack.call('/customers');
    const leaky = createLogger({ write: (line) => stack.lines.push(line), secrets: [] });
    leaky.info('oops', { upstreamKey: AMBERFLO_KEY });
    stack.lines.push(JSON.stringify({ msg: 'raw', header: `Bearer ${stack.keys.reader}` }));
    expect(
      findSecrets(stack.lines.join('\n'), { amberflo: AMBERFLO_KEY, reader: stack.keys.reader }),
    ).toEqual(['amberflo', 'reader']);
  });

  test('redact masks the Amberflo key and anything shaped like a caller key', () => {
    expect(redact('k=SECRET-123 and ak_abcdefghijklmnop', ['SECRET-123'])).toBe(
      'k=[redacted] and ak_[redacted]',
    );
  });

  test('the access line is JSON with every field, strings escaped and secrets masked in each', () => {
    const lines: string[] = [];
    const logger = createLogger({ secrets: ['SECRET-123'], write: (l) => lines.push(l) });
    const line = {
      requestId: 'ak_abcdefghijklmnop',
      method: 'GET',
      route: 'getCustomerById',
      status: 200,
      cache: 'HIT',
      upstreamMs: 12.3456,
      ms: 0.126,
      caller: 'team "a"\\ SECRET-123',
    };
    // Twice: the second line comes from the remembered literals.
    logger.request!(line);
    logger.request!({ ...line, cache: undefined, upstreamMs: undefined });
    const [first, second] = lines.map((l) => JSON.parse(l));
    expect(first).toEqual({
      time: expect.any(String),
      level: 'info',
      msg: 'request',
      requestId: 'ak_[redacted]',
      method: 'GET',
      route: 'getCustomerById',
      status: 200,
      cache: 'HIT',
      upstreamMs: 12.35,
      ms: 0.13,
      caller: 'team "a"\\ [redacted]',
    });
    expect(second).not.toHaveProperty('cache');
    expect(second).not.toHaveProperty('upstreamMs');
    expect(second.caller).toBe(first.caller);
    expect(lines.join('\n')).not.toContain('SECRET-123');
    // A logger without `request` gets the same fields through `info`.
    const plain: string[] = [];
    const base = createLogger({ write: (l) => plain.push(l) });
    logRequest(
      { ...base, request: undefined },
      {
        requestId: 'id-1',
        method: 'GET',
        route: 'r',
        status: 200,
        cache: undefined,
        upstreamMs: 1.005,
        ms: 0.126,
        caller: 'c',
      },
    );
    expect(JSON.parse(plain[0]!)).toEqual({
      time: expect.any(String),
      level: 'info',
      msg: 'request',
      requestId: 'id-1',
      method: 'GET',
      route: 'r',
      status: 200,
      upstreamMs: 1,
      ms: 0.13,
      caller: 'c',
    });
  });
});

describe('where lines go and which are masked', () => {
  /** An access line but its request id. */
  const line = {
    method: 'GET',
    route: 'r',
    status: 200,
    cache: undefined,
    upstreamMs: undefined,
    ms: 1,
    caller: undefined,
  };

  test('access lines go to write, every other line to writeNow (or write without it)', () => {
    const batched: string[] = [];
    const urgent: string[] = [];
    const logger = createLogger({
      write: (l) => batched.push(l),
      writeNow: (l) => urgent.push(l),
    });
    const access = { ...line, requestId: 'id-1' };
    logger.request!(access);
    logger.info('keys reloaded', { keys: 2 });
    logger.error('upstream auth failed');
    expect(batched.map((l) => JSON.parse(l).msg)).toEqual(['request']);
    expect(urgent.map((l) => JSON.parse(l).msg)).toEqual(['keys reloaded', 'upstream auth failed']);
    const single: string[] = [];
    const plain = createLogger({ write: (l) => single.push(l) });
    plain.request!(access);
    plain.warn('draining');
    expect(single.map((l) => JSON.parse(l).msg)).toEqual(['request', 'draining']);
  });

  test("a generated request id is written as it is; the caller's is masked like any field", () => {
    const lines: string[] = [];
    const logger = createLogger({ secrets: ['abcd-SECRET'], write: (l) => lines.push(l) });
    logger.request!({ ...line, requestId: 'ak_0123456789abcdef' });
    logger.request!({ ...line, requestId: 'x-abcd-SECRET-y', requestIdGenerated: false });
    const uuid = '2b1f4c3e-9d8a-4b7c-8e6f-5a4b3c2d1e0f';
    logger.request!({ ...line, requestId: uuid, requestIdGenerated: true });
    expect(lines.map((l) => JSON.parse(l).requestId)).toEqual([
      'ak_[redacted]',
      'x-[redacted]-y',
      uuid,
    ]);
    // The flag is not a field of the line, with the logger's own access line or without it.
    expect(lines.join('\n')).not.toContain('requestIdGenerated');
    const plain: string[] = [];
    const base = createLogger({ write: (l) => plain.push(l) });
    logRequest(
      { ...base, request: undefined },
      { ...line, requestId: uuid, requestIdGenerated: true },
    );
    expect(JSON.parse(plain[0]!)).not.toHaveProperty('requestIdGenerated');
  });
});

describe('access line parts kept from line to line', () => {
  test('every line has exactly its own fields, whichever changed since the last', () => {
    const lines: string[] = [];
    let clock = 1_700_000_000_000;
    const logger = createLogger({ write: (l) => lines.push(l), clock: () => clock });
    const base = {
      requestId: 'id',
      method: 'GET',
      route: 'getCustomerById',
      status: 200,
      cache: 'HIT' as string | undefined,
      upstreamMs: undefined as number | undefined,
      ms: 0.5,
      caller: 'a' as string | undefined,
    };
    const variants = [
      {},
      { requestId: 'other' },
      { route: 'listCustomers' },
      { method: 'POST', cache: undefined },
      { status: 404 },
      { cache: 'MISS', upstreamMs: 3.25 },
      { caller: undefined },
      { caller: 'b' },
      {},
    ];
    const expected = variants.map((changes, i) => {
      const line = { ...base, ...changes, ms: i };
      clock += i % 2; // some lines in the same millisecond as the last
      logger.request!(line);
      const { cache, upstreamMs, caller, ...always } = line;
      return {
        time: new Date(clock).toISOString(),
        level: 'info',
        msg: 'request',
        ...always,
        ...(cache === undefined ? {} : { cache }),
        ...(upstreamMs === undefined ? {} : { upstreamMs }),
        ...(caller === undefined ? {} : { caller }),
      };
    });
    expect(lines.map((l) => JSON.parse(l))).toEqual(expected);
  });
});

describe('log time', () => {
  test('each line has the ISO time of its clock reading, across milliseconds, seconds and years', () => {
    const readings = [1_700_000_000_000, 1_700_000_000_000, 1_700_000_000_999, 1_700_000_001_000];
    readings.push(1_700_000_001_000.7, 0, 999, -1, -0.5, -62_198_755_200_000, 253_402_300_800_000);
    let seed = 11;
    for (let n = 0; n < 2_000; n++) {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      const last = readings.at(-1)!;
      // Mostly small steps (same millisecond, same second), sometimes a jump of days.
      readings.push(n % 50 === 0 ? seed * 1000 : Math.abs(last) + (seed % 1500));
    }
    let reading = 0;
    const lines: string[] = [];
    const logger = createLogger({ write: (l) => lines.push(l), clock: () => reading });
    for (reading of readings) logger.info('tick');
    expect(lines.map((l) => JSON.parse(l).time)).toEqual(
      readings.map((ms) => new Date(ms).toISOString()),
    );
  });
});

describe('formatMs', () => {
  test('writes what String(roundMs(ms)) writes, for every kind of duration', () => {
    const samples = [0, -0, 0.001, 0.004, 0.005, 0.5, 1, 1.005, 2.675, 10.1, 99.995, 1234.5678];
    samples.push(-0.004, -0.006, -3.2, 1e7 + 0.125, 2 ** 31, 1e21, Number.NaN, Infinity, -Infinity);
    let seed = 7;
    for (let n = 0; n < 20_000; n++) {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      // Durations from microseconds to hours, with every fraction.
      samples.push((seed / 2 ** 31) * 10 ** ((n % 8) - 2));
    }
    for (const ms of samples) expect(formatMs(ms), String(ms)).toBe(String(roundMs(ms)));
  });
});

describe('Metrics', () => {
  test('a kept series counts into the same line as request(); a series never counted is not shown', () => {
    const metrics = new Metrics();
    const hits = metrics.series('getCustomerById', 'GET', 200);
    metrics.series('listCustomers', 'GET', 200);
    hits.n++;
    metrics.request('getCustomerById', 'GET', 200);
    const text = metrics.render();
    expect(text).toContain(
      'amberkit_proxy_requests_total{route="getCustomerById",method="GET",status="200"} 2',
    );
    expect(text).not.toContain('route="listCustomers"');
  });
});
