import { inspect } from 'node:util';
import { describe, expect, test } from 'vitest';
import { createAmberfloClient } from './create-client.js';
import { isAmberfloError } from './errors.js';
import { type Reply, startTestServer } from './test-server.js';

const KEY = 'sk_live_SECRET_9f8e7d6c5b4a';

/** Everything a human or a log pipeline could ever see of a value. */
function renderings(value: unknown): string[] {
  const out = [inspect(value, { depth: 20, showHidden: true }), JSON.stringify(value) ?? ''];
  if (value instanceof Error) out.push(String(value), value.message, value.stack ?? '');
  return out;
}

function leaks(captured: unknown[]): string[] {
  return captured.flatMap(renderings).filter((text) => text.includes(KEY));
}

function recorder() {
  const captured: unknown[] = [];
  const push = (...args: unknown[]) => captured.push(args);
  return {
    captured,
    hooks: { onRequest: push, onResponse: push, onRetry: push, onValidationWarning: push },
    logger: { debug: push, info: push, warn: push },
  };
}

const echoKey: Reply[] = [
  { status: 503, body: { message: `upstream rejected ${KEY}`, code: 'INTERNAL' } },
  { status: 401, body: { message: `bad key ${KEY}`, code: 'UNAUTHORIZED', requestId: 'r-1' } },
  { status: 400, body: { errorMessage: `key ${KEY} is not valid` } },
  { status: 400, body: { message: 'x', issues: [{ path: 'k', message: `saw ${KEY}` }] } },
  { status: 429, headers: { 'retry-after': '0' }, body: `plain ${KEY}` },
  {
    status: 401,
    headers: { 'x-request-id': `r-${KEY}` },
    body: { code: `UNAUTHORIZED_${KEY}`, issues: [{ path: `a.${KEY}`, message: 'm' }] },
  },
  { status: 400, body: { message: 'x', code: KEY, requestId: `id-${KEY}` } },
];

describe('the API key never leaves through hooks, logs or errors', () => {
  test('the scan catches a leak (control)', () => {
    const leaky = new Error(`oops ${KEY}`);
    expect(leaks([leaky])).not.toHaveLength(0);
    expect(leaks([{ headers: { 'x-api-key': KEY } }])).not.toHaveLength(0);
    expect(leaks([new Error('outer', { cause: new Error(KEY) })])).not.toHaveLength(0);
    expect(leaks([{ fine: true }])).toHaveLength(0);
  });

  test('across requests, responses, retries, warnings and every error kind', async () => {
    await using server = await startTestServer([]);
    const rec = recorder();
    const errors: unknown[] = [];
    const make = (options: object = {}) =>
      createAmberfloClient({
        apiKey: KEY,
        baseUrl: server.url,
        retry: { baseDelayMs: 1, maxDelayMs: 5, limit: 1 },
        headers: { authorization: `Bearer ${KEY}` },
        hooks: rec.hooks,
        logger: rec.logger,
        ...options,
      });
    const client = make();
    const catching = (p: Promise<unknown>) =>
      p.then(
        () => undefined,
        (e) => errors.push(e),
      );

    // Server errors whose bodies echo the key, one per call (GETs retried once on 503).
    for (const reply of echoKey) {
      server.reply([reply]);
      await catching(client.customers.get('c-1'));
    }
    server.reply([{ body: [{ customerId: 'c', customerName: 'n', lifecycleStage: 'NOPE' }] }]);
    await catching(client.customers.list());
    await make({ validateResponses: 'warn' }).customers.list();
    await catching(client.customers.create({ customerId: '', customerName: KEY }));
    server.reply([{ hang: true }]);
    await catching(make({ timeoutMs: 50 }).customers.list());
    await catching(client.customers.list({ signal: AbortSignal.abort() }));
    const closed = await startTestServer([]);
    await closed.close();
    await catching(make({ baseUrl: closed.url }).customers.list());

    expect(errors.length).toBe(12);
    expect(errors.every(isAmberfloError)).toBe(true);
    // The key really was in play: on the wire, where it belongs.
    expect(server.requests.every((r) => r.headers['x-api-key'] === KEY)).toBe(true);
    const events = rec.captured
      .flat()
      .filter(
        (e): e is { headers?: Record<string, string> } => typeof e === 'object' && e !== null,
      );
    const withHeaders = events.filter((e) => e?.headers);
    expect(withHeaders.length).toBeGreaterThan(5);
    expect(withHeaders.every((e) => e.headers?.['x-api-key'] === '***')).toBe(true);
    expect(withHeaders.every((e) => e.headers?.authorization === 'Bearer ***')).toBe(true);
    expect(events.some((e) => 'delayMs' in e)).toBe(true);
    expect(events.some((e) => 'issues' in e)).toBe(true);
    expect(leaks(rec.captured)).toEqual([]);
    expect(leaks(errors)).toEqual([]);
    expect(String(errors[1])).toContain('bad key ***');
    expect(errors[5]).toMatchObject({
      code: 'UNAUTHORIZED_***',
      requestId: 'r-***',
      issues: [{ path: 'a.***', message: 'm' }],
    });
    expect(errors[6]).toMatchObject({ code: '***', requestId: 'id-***' });
  });

  test('percent-encoded in a URL the server sends back, in either hex case', async () => {
    const key = 'ab/cd+ef=gh';
    await using server = await startTestServer([]);
    const client = createAmberfloClient({ apiKey: key, baseUrl: server.url, retry: { limit: 0 } });
    const errors: unknown[] = [];
    for (const location of [
      'https://elsewhere.example/?k=ab%2Fcd%2Bef%3Dgh',
      '/x?k=ab%2fcd%2bef%3dgh',
    ]) {
      server.reply([{ status: 302, headers: { location } }]);
      errors.push(await client.customers.get('c-1').catch((error: unknown) => error));
    }
    server.reply([{ status: 401, body: { message: `key ${encodeURIComponent(key)} refused` } }]);
    errors.push(await client.customers.get('c-1').catch((error: unknown) => error));
    const shown = errors.flatMap(renderings);
    expect(shown.filter((text) => /ab(%2f|\/)cd/i.test(text))).toEqual([]);
    expect(errors[0]).toMatchObject({ location: 'https://elsewhere.example/?k=***' });
    expect(errors[1]).toMatchObject({ location: '/x?k=***' });
    expect(String(errors[2])).toContain('key *** refused');
  });

  test('in an error a custom fetch throws: the cause is kept, masked, with its code', async () => {
    const refused = Object.assign(new Error(`connect ECONNREFUSED for ${KEY}`), {
      code: 'ECONNREFUSED',
    });
    const client = createAmberfloClient({
      apiKey: KEY,
      baseUrl: 'http://127.0.0.1:9',
      retry: { limit: 0 },
      fetch: async () => {
        throw new TypeError(`fetch failed (${KEY})`, { cause: refused });
      },
    });
    const error = await client.customers.list().catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'ConnectionError', code: 'CONNECTION_FAILED' });
    expect(leaks([error])).toEqual([]);
    const cause = (error as Error).cause as Error & { cause: Error & { code: string } };
    expect(cause).toMatchObject({ name: 'TypeError', message: 'fetch failed (***)' });
    expect(cause.cause).toMatchObject({
      code: 'ECONNREFUSED',
      message: 'connect ECONNREFUSED for ***',
    });
  });

  test('a key under 4 characters is not masked: messages stay readable', async () => {
    await using server = await startTestServer([]);
    const client = createAmberfloClient({ apiKey: 'k', baseUrl: server.url, retry: { limit: 0 } });
    server.reply([{ status: 404, body: { message: 'Customer "steak_house" not found' } }]);
    const error = await client.customers.get('steak_house').catch((e: unknown) => e);
    expect((error as Error).message).toBe(
      'GET /customers/steak_house failed with 404 NOT_FOUND: Customer "steak_house" not found',
    );
  });

  test('an error without the key in it stays the very error fetch threw', async () => {
    const thrown = new TypeError('fetch failed');
    const client = createAmberfloClient({
      apiKey: KEY,
      baseUrl: 'http://127.0.0.1:9',
      retry: { limit: 0 },
      fetch: async () => {
        throw thrown;
      },
    });
    const error = await client.customers.list().catch((e: unknown) => e);
    expect((error as Error).cause).toBe(thrown);
  });
});
