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

    expect(errors.length).toBe(10);
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
  });
});
