import { expect, test } from 'vitest';
import { createAmberfloClient } from './create-client.js';
import type { Handler } from './test-server.js';
import { startTestServer } from './test-server.js';

test('hooks see each attempt in order, timed, with the key redacted', async () => {
  let calls = 0;
  const handler: Handler = async () => {
    calls += 1;
    await new Promise((resolve) => setTimeout(resolve, 40));
    return calls === 1
      ? { status: 503, headers: { 'x-request-id': 'r-1' } }
      : { body: [], headers: { 'x-request-id': 'r-2' } };
  };
  await using server = await startTestServer(handler);
  const events: Array<[string, Record<string, unknown>]> = [];
  const client = createAmberfloClient({
    apiKey: 'hooks-test-key-0001',
    baseUrl: server.url,
    retry: { baseDelayMs: 5, maxDelayMs: 10 },
    hooks: {
      onRequest: (e) => events.push(['request', e]),
      onResponse: (e) => events.push(['response', e]),
      onRetry: (e) => events.push(['retry', e]),
    },
  });
  await client.customers.list();

  expect(events.map(([kind, e]) => `${kind}:${e.attempt}`)).toEqual([
    'request:1',
    'response:1',
    'retry:2',
    'request:2',
    'response:2',
  ]);
  const [request, first, retry, , second] = events.map(([, e]) => e);
  expect(request).toMatchObject({
    method: 'GET',
    path: '/customers',
    url: `${server.url}/customers`,
  });
  expect(request?.headers).toMatchObject({ 'x-api-key': '***', accept: 'application/json' });
  expect(first).toMatchObject({ status: 503, requestId: 'r-1' });
  expect(second).toMatchObject({ status: 200, requestId: 'r-2' });
  // The server held each answer 40 ms, so the measured durations cannot be below that.
  expect(first?.durationMs).toBeGreaterThanOrEqual(35);
  expect(second?.durationMs).toBeGreaterThanOrEqual(35);
  expect(retry).toMatchObject({ status: 503, reason: 'HTTP 503' });
  expect(retry?.delayMs).toBeGreaterThanOrEqual(0);
});

test('the logger gets request, response and retry lines; a throwing hook breaks nothing', async () => {
  await using server = await startTestServer([{ status: 500 }, { body: [] }]);
  const lines: string[] = [];
  const client = createAmberfloClient({
    apiKey: 'hooks-test-key-0002',
    baseUrl: server.url,
    retry: { baseDelayMs: 1, maxDelayMs: 2 },
    hooks: {
      onRequest: () => {
        throw new Error('broken hook');
      },
    },
    logger: { debug: (m) => lines.push(`debug ${m}`), info: (m) => lines.push(`info ${m}`) },
  });
  await expect(client.customers.list()).resolves.toEqual([]);
  expect(lines).toHaveLength(5);
  expect(lines[0]).toBe('debug amberflo → GET /customers');
  expect(lines[1]).toMatch(/^debug amberflo ← 500 GET \/customers \d+ms$/);
  expect(lines[2]).toMatch(/^info amberflo retry 2 of GET \/customers after \d+ms \(HTTP 500\)$/);
  expect(lines[4]).toMatch(/^debug amberflo ← 200 GET \/customers/);
});
