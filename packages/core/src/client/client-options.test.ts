import { describe, expect, test } from 'vitest';
import { createAmberfloClient } from './create-client.js';
import type { AmberfloClientOptions } from './options.js';
import { startTestServer } from './test-server.js';

/** The error construction throws, or a failure if it did not throw. */
function constructionError(options: Record<string, unknown>): Error {
  try {
    createAmberfloClient(options as AmberfloClientOptions);
  } catch (error) {
    return error as Error;
  }
  return expect.unreachable('construction should have failed');
}

describe('an apiKey or header that is not a valid header value', () => {
  test.each([
    ['a newline', 'sk_live_SECRET\nX'],
    ['a carriage return', 'sk_live_SECRET\r'],
    ['a NUL', 'sk_live_SECRET\0'],
    ['a character above U+00FF', 'sk_live_SECRET€'],
    ['a non-ASCII letter', 'sk_live_SECRETé'],
    ['leading whitespace (fetch would strip it)', ' sk_live_SECRET'],
  ])('an apiKey with %s fails at construction, naming apiKey, never the value', (_name, apiKey) => {
    const error = constructionError({ apiKey, baseUrl: 'http://127.0.0.1:1' });
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toMatch(/^createAmberfloClient: invalid options \(apiKey: /);
    expect(error.message).not.toContain('SECRET');
    expect(String(error.cause ?? '')).not.toContain('SECRET');
  });

  test('a header value fetch would refuse fails at construction, naming the header only', () => {
    const error = constructionError({
      apiKey: 'k',
      headers: { authorization: 'Bearer SECRET\nx' },
    });
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toContain('headers.authorization');
    expect(error.message).not.toContain('SECRET');
    expect(() => createAmberfloClient({ apiKey: 'k', headers: { 'bad name': 'v' } })).toThrow(
      /headers/,
    );
  });
});

describe('unknown option keys fail at construction', () => {
  test.each([
    ['validateResponse', 'validateResponses', { validateResponse: 'off' }],
    ['timeout', 'timeoutMs', { timeout: 10 }],
    ['baseURL', 'baseUrl', { baseURL: 'http://127.0.0.1:1' }],
    ['retry.limt', 'limit', { retry: { limt: 0 } }],
    ['retry.maxRetryAfter', 'maxRetryAfterMs', { retry: { limit: 0, maxRetryAfter: 5 } }],
    ['hooks.onRetries', 'onRetry', { hooks: { onRetries: () => {} } }],
  ])('%s is named, with %s suggested', (key, suggestion, options) => {
    const error = constructionError({ apiKey: 'k', ...options });
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toBe(
      `createAmberfloClient: invalid options (${key}: unknown option, did you mean ${suggestion}?)`,
    );
  });

  test('a key with nothing close gets no suggestion', () => {
    const error = constructionError({ apiKey: 'k', colour: 'red' });
    expect(error.message).toBe('createAmberfloClient: invalid options (colour: unknown option)');
  });

  test('every documented option is accepted, and the client works (control)', async () => {
    await using server = await startTestServer([{ body: [] }]);
    const seen: string[] = [];
    const client = createAmberfloClient({
      apiKey: 'k',
      baseUrl: server.url,
      timeoutMs: 5000,
      retry: { limit: 1, baseDelayMs: 5, maxDelayMs: 10, maxRetryAfterMs: 100 },
      fetch: (input, init) => globalThis.fetch(input, init),
      headers: { 'x-team': 'billing' },
      validateResponses: 'warn',
      hooks: {
        onRequest: () => seen.push('request'),
        onResponse: () => seen.push('response'),
        onRetry: () => seen.push('retry'),
        onValidationWarning: () => seen.push('warning'),
      },
      // A logger may carry other methods (console does): only the three are read.
      logger: { ...console, debug: () => {}, info: () => {} },
    });
    await expect(client.customers.list()).resolves.toEqual([]);
    expect(seen).toEqual(['request', 'response']);
    expect(server.requests[0]?.headers['x-team']).toBe('billing');
    expect(() => createAmberfloClient({ apiKey: 'k', retry: false })).not.toThrow();
  });

  test.each([
    [{ limit: 1.5 }, 'retry.limit: '],
    [{ limit: 21 }, 'retry.limit: '],
    [{ baseDelayMs: -1 }, 'retry.baseDelayMs: '],
  ])('retry %j names the field inside retry', (retry, names) => {
    const error = constructionError({ apiKey: 'k', retry });
    expect(error.message).toContain(names);
    expect(error.message).not.toContain('allowed form');
  });

  test('retry of another type still says what retry may be', () => {
    expect(constructionError({ apiKey: 'k', retry: true }).message).toMatch(/\(retry: /);
  });
});

describe('a baseUrl every path could not be appended to', () => {
  test.each([
    ['a query', 'http://127.0.0.1:1/api?tenant=1', 'no ?query or #fragment'],
    ['a bare ?', 'http://127.0.0.1:1/api?', 'no ?query or #fragment'],
    ['a fragment', 'http://127.0.0.1:1/api#x', 'no ?query or #fragment'],
    ['user:password@', 'http://user:SECRET@127.0.0.1:1', 'must not hold user:password@'],
    ['a user alone', 'http://SECRET@127.0.0.1:1', 'must not hold user:password@'],
  ])(
    'with %s fails at construction, naming baseUrl, never the password',
    (_name, baseUrl, says) => {
      const error = constructionError({ apiKey: 'k', baseUrl });
      expect(error).toBeInstanceOf(TypeError);
      expect(error.message).toMatch(/^createAmberfloClient: invalid options \(baseUrl: /);
      expect(error.message).toContain(says);
      expect(error.message).not.toContain('SECRET');
    },
  );

  test.each([
    'https://app.amberflo.io',
    'http://127.0.0.1:1/',
    'http://127.0.0.1:1/amberflo',
    'http://127.0.0.1:1/a%3Fb',
  ])('%s is accepted', (baseUrl) => {
    expect(() => createAmberfloClient({ apiKey: 'k', baseUrl })).not.toThrow();
  });
});
