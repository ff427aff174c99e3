import { describe, expect, test } from 'vitest';
import { createStack } from '../test/harness.js';
import { tcpStack } from '../test/tcp-stack.js';
import { requestBypass } from './request-directives.js';

describe('request Cache-Control and Pragma (RFC 9111 §5.2.1, §5.4)', () => {
  test('directives are comma-separated tokens in any case; unknown ones are ignored', () => {
    for (const value of [
      'no-cache',
      'No-Cache',
      'NO-CACHE',
      'max-age=0',
      'Max-Age="0"',
      'max-age=00',
      'foo, no-cache',
      'max-stale=5 ,no-cache ,x',
      'no-cache="x"',
      'no-cache="set-cookie, x"',
    ])
      expect(requestBypass(value, undefined), value).toBe('no-cache');
    for (const value of ['no-store', 'NO-STORE', 'no-cache, no-store', 'max-age=0,no-store'])
      expect(requestBypass(value, undefined), value).toBe('no-store');
    for (const value of [
      '',
      'x-no-cache-please',
      'no-cache-please',
      'nono-cache',
      'max-age=60',
      'max-age=0x',
      'max-age',
      'only-if-cached',
      'x="no-cache"',
      'x="a,no-cache,b"',
      'x="a,no-store"',
      'private, max-stale',
    ])
      expect(requestBypass(value, undefined), value).toBeUndefined();
  });

  test('Pragma: no-cache counts only without Cache-Control', () => {
    expect(requestBypass(undefined, 'no-cache')).toBe('no-cache');
    expect(requestBypass(undefined, 'No-Cache, foo')).toBe('no-cache');
    expect(requestBypass(undefined, 'no-store')).toBeUndefined();
    expect(requestBypass(undefined, 'max-age=0')).toBeUndefined();
    expect(requestBypass('max-age=60', 'no-cache')).toBeUndefined();
  });

  const cases: Array<[Record<string, string>, string]> = [
    [{ 'cache-control': 'x-no-cache-please' }, 'HIT'],
    [{ 'cache-control': 'no-cache="x"' }, 'BYPASS'],
    [{ 'cache-control': 'max-age=0' }, 'BYPASS'],
    [{ 'cache-control': 'No-Store' }, 'BYPASS'],
    [{ pragma: 'no-cache' }, 'BYPASS'],
    [{ pragma: 'no-cache', 'cache-control': 'max-age=60' }, 'HIT'],
  ];

  test('in the app and on the fast path alike', async () => {
    await using stack = await createStack();
    await using s = await tcpStack();
    const path = '/customers/customer-123456';
    expect((await stack.call(path)).headers.get('x-cache')).toBe('MISS');
    expect((await s.call(path)).headers.get('x-cache')).toBe('MISS');
    for (const [headers, expected] of cases) {
      const app = await stack.call(path, { headers });
      const fast = await s.call(path, { headers });
      expect(
        [app.headers.get('x-cache'), fast.headers.get('x-cache')],
        JSON.stringify(headers),
      ).toEqual([expected, expected]);
    }
  });

  test('no-store fetches without touching the entry; no-cache refreshes it', async () => {
    await using s = await tcpStack();
    const path = '/customers/customer-123456';
    await s.call(path);
    const update = (name: string) =>
      s.emulator.fetch(
        new Request(`${s.upstream.url}/customers`, {
          method: 'PUT',
          headers: {
            'x-api-key': 'tcp-stack-amberflo-key-0001',
            'content-type': 'application/json',
          },
          body: JSON.stringify({ customerId: 'customer-123456', customerName: name }),
        }),
      );
    expect((await update('Renamed upstream')).status).toBe(200);
    const noStore = await s.call(path, { headers: { 'cache-control': 'no-store' } });
    expect(await noStore.json()).toMatchObject({ customerName: 'Renamed upstream' });
    const cached = await s.call(path);
    expect(cached.headers.get('x-cache')).toBe('HIT');
    expect(await cached.json()).not.toMatchObject({ customerName: 'Renamed upstream' });
    await s.call(path, { headers: { pragma: 'no-cache' } });
    const refreshed = await s.call(path);
    expect(refreshed.headers.get('x-cache')).toBe('HIT');
    expect(await refreshed.json()).toMatchObject({ customerName: 'Renamed upstream' });
  });
});
