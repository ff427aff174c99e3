import { describe, expect, test } from 'vitest';
import { createStack } from '../test/harness.js';
import { tcpStack } from '../test/tcp-stack.js';
import { extractKey, presentedKey } from './extract-key.js';

const write = (body: unknown, method = 'POST'): RequestInit => ({
  method,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

/** Each operation with the scope it needs and a request that exercises it. */
const CASES: Array<{ scope: string; path: string; init?: RequestInit }> = [
  { scope: 'customers:read', path: '/customers' },
  { scope: 'customers:read', path: '/customers/customer-123456' },
  {
    scope: 'customers:write',
    path: '/customers',
    init: write({ customerId: 'auth-c', customerName: 'A' }),
  },
  {
    scope: 'customers:write',
    path: '/customers',
    init: write({ customerId: 'customer-123456', customerName: 'A' }, 'PUT'),
  },
  { scope: 'customers:write', path: '/customers/nobody', init: { method: 'DELETE' } },
  {
    scope: 'invoices:read',
    path: '/payments-billing-customer-product-invoice?customerId=customer-123456',
  },
  {
    scope: 'prepaid:write',
    path: '/payments-pricing-amberflo-customer-prepaid',
    init: write({ customerId: 'customer-123456', amount: 5 }),
  },
  {
    scope: 'plans:write',
    path: '/payments-pricing-amberflo-customer-pricing',
    init: write({ customerId: 'customer-123456', productId: 'p' }),
  },
];

const KEY_FOR_SCOPE = {
  'customers:read': 'customersRead',
  'customers:write': 'customersWrite',
  'invoices:read': 'invoicesRead',
  'prepaid:write': 'prepaid',
  'plans:write': 'plans',
} as const;

describe('caller authentication', () => {
  test('no key, an unknown key, and an expired key → 401 with WWW-Authenticate, before upstream', async () => {
    await using stack = await createStack();
    stack.emulator.clearRequests();
    const none = await stack.call('/customers', { as: null });
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toBe('Bearer realm="amberkit-proxy"');
    expect(await none.json()).toMatchObject({ code: 'UNAUTHORIZED' });

    const unknown = await stack.call('/customers', {
      as: null,
      headers: { authorization: 'Bearer ak_0000000000000000000000000000000000' },
    });
    expect(unknown.status).toBe(401);
    expect(unknown.headers.get('www-authenticate')).toContain('error="invalid_token"');

    const expired = await stack.call('/customers', { as: 'expired' });
    expect(expired.status).toBe(401);
    expect(expired.headers.get('www-authenticate')).toContain('invalid_token');
    expect(((await expired.json()) as { message: string }).message).toContain('expired');

    // The Amberflo key itself is not a caller key.
    const amberflo = await stack.call('/customers', {
      as: null,
      headers: { 'x-api-key': 'emulator-secret-key-0123456789' },
    });
    expect(amberflo.status).toBe(401);
    expect(stack.emulator.requests()).toEqual([]);
  });

  test('X-API-KEY works like Bearer', async () => {
    await using stack = await createStack();
    const res = await stack.call('/customers', {
      as: null,
      headers: { 'X-API-KEY': stack.keys.reader },
    });
    expect(res.status).toBe(200);
  });

  test('a key that expires later is accepted', async () => {
    await using stack = await createStack({
      proxy: { clock: () => Date.parse('2019-12-31T23:59:59Z') },
    });
    expect((await stack.call('/customers', { as: 'expired' })).status).toBe(200);
  });

  test.each(CASES)(
    '$scope: the scope opens it, every other scope is 403, * opens all ($path)',
    async ({ scope, path, init }) => {
      await using stack = await createStack();
      for (const [other, name] of Object.entries(KEY_FOR_SCOPE)) {
        const res = await stack.call(path, { ...init, as: name });
        if (other === scope) {
          expect(res.status, `${name} on ${path}`).not.toBe(403);
          expect(res.status).toBeLessThan(500);
        } else {
          expect(res.status, `${name} on ${path}`).toBe(403);
          const body = (await res.json()) as { code: string; message: string };
          expect(body.code).toBe('FORBIDDEN');
          expect(body.message).toContain(scope);
        }
      }
      // `*` passes the guard (the write may then meet a 400 CONFLICT or 404 from upstream).
      const admin = await stack.call(path, { ...init, as: 'admin' });
      expect([401, 403]).not.toContain(admin.status);
      expect(admin.status).toBeLessThan(500);
    },
  );

  test('a caller without a key is refused before its body is read or limited', async () => {
    await using stack = await createStack({ proxy: { bodyLimitBytes: 10 } });
    const res = await stack.call('/customers', {
      ...write({ customerId: 'x'.repeat(100), customerName: 'y' }),
      as: null,
    });
    expect(res.status).toBe(401);
  });
});

describe('a malformed Authorization is named as such', () => {
  test('a good key sent twice, another scheme, or words after the key → 401 invalid_request over TCP', async () => {
    await using s = await tcpStack();
    const url = `${s.server.url}/customers/customer-123456`;
    const twice = new Headers();
    twice.append('authorization', `Bearer ${s.key}`);
    twice.append('authorization', `Bearer ${s.key}`);
    for (const headers of [
      twice,
      { authorization: 'Basic dXNlcjpwYXNz' },
      { authorization: `Bearer ${s.key} extra` },
    ]) {
      const res = await fetch(url, { headers });
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toContain('error="invalid_request"');
      expect(((await res.json()) as { message: string }).message).toContain(
        'Authorization must be "Bearer <key>"',
      );
    }
    const none = await fetch(url);
    expect(((await none.json()) as { message: string }).message).toContain(
      'A caller key is required',
    );
  });
});

describe('extractKey', () => {
  test('reads Bearer (any case) or X-API-KEY, Bearer first', () => {
    expect(extractKey('Bearer ak_1', undefined)).toBe('ak_1');
    expect(extractKey('bearer   ak_2 ', undefined)).toBe('ak_2');
    expect(extractKey(undefined, ' ak_3 ')).toBe('ak_3');
    expect(extractKey('Bearer ak_4', 'ak_5')).toBe('ak_4');
    expect(extractKey('Basic abc', 'ak_6')).toBe('ak_6');
    expect(extractKey('Basic abc', undefined)).toBeUndefined();
    expect(extractKey(undefined, '  ')).toBeUndefined();
    expect(presentedKey('Bearer ak_4', 'ak_5')).toEqual({ key: 'ak_4', header: 'authorization' });
    expect(presentedKey('Basic abc', ' ak_6')).toEqual({ key: 'ak_6', header: 'x-api-key' });
  });
});
