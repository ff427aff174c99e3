import { describe, expect, test } from 'vitest';
import { ConfigError } from './config-error.js';
import { loadConfig } from './load-config.js';

const KEYS = JSON.stringify([
  {
    name: 'team-a',
    hash: `sha256:${'a'.repeat(64)}`,
    scopes: ['customers:read'],
    expiresAt: null,
    rateLimit: '100/min',
  },
]);
const BASE = { AMBERFLO_API_KEY: 'secret-amberflo', AMBERKIT_KEYS: KEYS };

function failure(env: Record<string, string>, flags = {}): ConfigError {
  try {
    loadConfig(env, flags);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  test('defaults', () => {
    const config = loadConfig(BASE);
    expect(config).toMatchObject({
      port: 8080,
      host: '127.0.0.1',
      upstream: {
        baseUrl: 'https://app.amberflo.io',
        apiKey: 'secret-amberflo',
        timeoutMs: 10_000,
        retries: 2,
      },
      cache: {
        kind: 'memory',
        policies: { customers: { ttlMs: 10_000, swrMs: 30_000, sieMs: 300_000 } },
      },
      rateLimit: '600/min',
      corsOrigins: [],
      bodyLimitBytes: 102_400,
      logLevel: 'info',
    });
    expect(config.keys).toEqual({
      entries: [expect.objectContaining({ name: 'team-a', rateLimit: '100/min' })],
    });
  });

  test('flags win over env', () => {
    const config = loadConfig(
      { ...BASE, PORT: '9000', AMBERFLO_BASE_URL: 'http://a.local' },
      { port: '9100', baseUrl: 'http://127.0.0.1:4010/' },
    );
    expect(config.port).toBe(9100);
    expect(config.upstream.baseUrl).toBe('http://127.0.0.1:4010');
  });

  test('every setting from env', () => {
    const config = loadConfig({
      ...BASE,
      AMBERKIT_CACHE: 'redis',
      REDIS_URL: 'redis://127.0.0.1:6379',
      AMBERKIT_CACHE_TTL_INVOICES: '5',
      AMBERKIT_CACHE_SWR: '0',
      AMBERKIT_RATE_LIMIT: 'off',
      AMBERKIT_CORS_ORIGINS: 'https://a.example, https://b.example',
    });
    expect(config.cache).toMatchObject({
      kind: 'redis',
      redisUrl: 'redis://127.0.0.1:6379',
      policies: { invoices: { ttlMs: 5000, swrMs: 0 } },
    });
    expect(config.rateLimit).toBeNull();
    expect(config.corsOrigins).toEqual(['https://a.example', 'https://b.example']);
  });

  test('one line naming the missing or bad setting; flags are usage errors', () => {
    expect(failure({ AMBERKIT_KEYS: KEYS }).message).toBe(
      'AMBERFLO_API_KEY is required: the Amberflo key the proxy sends upstream',
    );
    // A key that cannot be sent as a header stops the start, never naming the key itself.
    const bad = ['key\r', 'key\nX-Other: 1', ' key', 'key\t', 'key\u0000', 'k\u007fy'];
    for (const value of [...bad, 'key\u00a0', 'k\u00e9y', 'k\u2028ey']) {
      const apiKey = failure({ ...BASE, AMBERFLO_API_KEY: value });
      expect(apiKey.message, JSON.stringify(value)).toBe(
        'invalid AMBERFLO_API_KEY: must be usable as an HTTP header value: printable ASCII, no line break or other control character, no space at either end',
      );
      expect(apiKey.source).toBe('env');
    }
    for (const good of [
      'a1b2-C3d4_e5.f6~g7+h8/i9=',
      '6f1c0d3e-2b1a-4c5d-9e8f-0a1b2c3d4e5f',
      'k\t e y',
    ])
      expect(loadConfig({ ...BASE, AMBERFLO_API_KEY: good }).upstream.apiKey).toBe(good);
    expect(failure({ AMBERFLO_API_KEY: 'k' }).message).toMatch(
      /^AMBERKIT_KEYS or AMBERKIT_KEYS_FILE is required/,
    );
    const port = failure({ ...BASE, PORT: 'eighty' });
    expect(port.message).toBe('invalid PORT: must be a whole number (got "eighty")');
    expect(port.source).toBe('env');
    const flag = failure(BASE, { port: '70000' });
    expect(flag.message).toMatch(/^invalid --port: .* \(got "70000"\)$/);
    expect(flag.source).toBe('flag');
    for (const url of ['ftp://x', 'not a url', 'https://[::1'])
      expect(failure({ ...BASE, AMBERFLO_BASE_URL: url }).message).toBe(
        `invalid AMBERFLO_BASE_URL: must be an http(s) URL (got "${url}")`,
      );
    // Credentials, a query or a fragment would be dropped or break requests; a password is
    // not repeated in the line.
    const notOrigin =
      'invalid AMBERFLO_BASE_URL: must be an origin with an optional path: no user:password@ (the proxy sends AMBERFLO_API_KEY), no ?query or #fragment';
    expect(
      failure({ ...BASE, AMBERFLO_BASE_URL: 'https://me:s3cret@api.example/v1' }).message,
    ).toBe(`${notOrigin} (got "https://…@api.example/v1")`);
    expect(failure({ ...BASE, AMBERFLO_BASE_URL: 'https://me@api.example' }).message).toBe(
      `${notOrigin} (got "https://…@api.example")`,
    );
    for (const url of ['https://api.example/?account=1', 'https://api.example/#x'])
      expect(failure({ ...BASE, AMBERFLO_BASE_URL: url }).message).toBe(
        `${notOrigin} (got "${url}")`,
      );
    expect(
      loadConfig({ ...BASE, AMBERFLO_BASE_URL: 'https://gw.example:8443/amberflo/' }).upstream
        .baseUrl,
    ).toBe('https://gw.example:8443/amberflo');
    expect(failure({ ...BASE, AMBERKIT_CACHE: 'redis' }).message).toBe(
      'REDIS_URL is required when AMBERKIT_CACHE=redis',
    );
    expect(failure({ ...BASE, AMBERKIT_RATE_LIMIT: '10/fortnight' }).message).toContain(
      'AMBERKIT_RATE_LIMIT',
    );
    // A secret is named, never echoed.
    const redis = failure({ ...BASE, AMBERKIT_CACHE: 'redis', REDIS_URL: 'http://user:hunter2@x' });
    expect(redis.message).toBe('invalid REDIS_URL: must be a redis:// or rediss:// URL');
    for (const error of [port, flag, redis]) expect(error.message).not.toContain('\n');
  });

  test('bad AMBERKIT_KEYS names the entry and field', () => {
    expect(failure({ ...BASE, AMBERKIT_KEYS: '[{' }).message).toBe(
      'AMBERKIT_KEYS: not valid JSON (expected an array of key entries)',
    );
    const bad = JSON.stringify([
      JSON.parse(KEYS)[0],
      { name: 'b', hash: 'md5:x', scopes: ['customers:read'] },
    ]);
    expect(failure({ ...BASE, AMBERKIT_KEYS: bad }).message).toBe(
      'AMBERKIT_KEYS[1].hash: hash must look like sha256:<64 hex digits>',
    );
    const scope = JSON.stringify([{ ...JSON.parse(KEYS)[0], scopes: ['admin'] }]);
    expect(failure({ ...BASE, AMBERKIT_KEYS: scope }).message).toBe(
      'AMBERKIT_KEYS[0].scopes[0]: must be one of customers:read, customers:write, invoices:read, prepaid:write, plans:write, *',
    );
    // A missing field says so (zod/mini alone would say "Invalid input").
    expect(failure({ ...BASE, AMBERKIT_KEYS: '[{"name":"a"}]' }).message).toBe(
      'AMBERKIT_KEYS[0].hash: is required',
    );
    expect(failure({ ...BASE, AMBERKIT_KEYS: '{"name":"a"}' }).message).toBe(
      'AMBERKIT_KEYS: must be an array',
    );
  });
});
