import { ErrorResponse } from '@amberkit/core/schemas';
import { describe, expect, test } from 'vitest';
import { MODES, openHarness } from './test-support.js';

describe.each(MODES)('auth, routing and the error shape (%s)', (mode) => {
  test.each([
    ['missing', null, 'Missing X-API-KEY'],
    ['wrong', 'not-a-key', 'does not match'],
  ])('a %s X-API-KEY is 401 UNAUTHORIZED on every operation', async (_name, key, text) => {
    await using h = await openHarness(mode);
    for (const [method, path] of [
      ['GET', '/customers'],
      ['POST', '/customers'],
      ['PUT', '/customers'],
      ['GET', '/customers/customer-123456'],
      ['DELETE', '/customers/customer-123456'],
      ['GET', '/payments-billing-customer-product-invoice?customerId=customer-123456'],
      ['POST', '/payments-pricing-amberflo-customer-prepaid'],
      ['POST', '/payments-pricing-amberflo-customer-pricing'],
    ] as const) {
      const res = await h.call(path, { method, key });
      expect(res.status, `${method} ${path}`).toBe(401);
      const body = ErrorResponse.parse(await res.json());
      expect(body.code).toBe('UNAUTHORIZED');
      expect(body.message).toContain(text);
      expect(JSON.stringify(body)).not.toContain('test-key');
    }
    expect((await h.call('/customers/customer-123456')).status).toBe(200);
  });

  test('a well-formed X-Request-Id is kept (answer and log); a malformed one is replaced', async () => {
    await using h = await openHarness(mode);
    const kept = await h.call('/customers/customer-123456', {
      headers: { 'x-request-id': 'proxy-7f3a.01' },
    });
    expect(kept.headers.get('x-request-id')).toBe('proxy-7f3a.01');
    const missing = await h.call('/customers/nobody', { headers: { 'x-request-id': 'proxy-404' } });
    expect(await missing.json()).toMatchObject({ requestId: 'proxy-404' });
    const replaced = await h.call('/customers/customer-123456', {
      headers: { 'x-request-id': 'bad id <script>' },
    });
    expect(replaced.headers.get('x-request-id')).not.toBe('bad id <script>');
    expect(replaced.headers.get('x-request-id')).toMatch(/^req-/);
    const log = h.emulator.requests().map((entry) => entry.requestId);
    expect(log).toContain('proxy-7f3a.01');
    expect(log).toContain('proxy-404');
  });

  test('an unknown path is 404 NOT_FOUND as an ErrorResponse', async () => {
    await using h = await openHarness(mode);
    const res = await h.call('/customers/a/b/c');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining('/customers/a/b/c'),
    });
    expect((await h.call('/nothing-here')).status).toBe(404);
  });

  test.each([
    ['DELETE', '/customers', 'GET, POST, PUT'],
    ['PATCH', '/customers/customer-123456', 'GET, DELETE'],
    ['POST', '/payments-billing-customer-product-invoice', 'GET'],
    ['GET', '/payments-pricing-amberflo-customer-prepaid', 'POST'],
    ['PUT', '/payments-pricing-amberflo-customer-pricing', 'POST'],
    ['POST', '/_emulator/health', 'GET'],
  ])('%s %s is 405 with Allow', async (method, path, allow) => {
    await using h = await openHarness(mode);
    const res = await h.call(path, { method });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe(allow);
    expect(await res.json()).toMatchObject({ code: 'METHOD_NOT_ALLOWED' });
  });

  test('every response carries X-Request-Id, and error bodies repeat it', async () => {
    await using h = await openHarness(mode);
    const responses = [
      await h.call('/customers'),
      await h.call('/customers/nobody'),
      await h.call('/customers', { key: null }),
      await h.call('/customers', { method: 'PATCH' }),
      await h.call('/_emulator/health'),
      await h.call('/customers', {
        method: 'POST',
        body: '{',
        headers: { 'content-type': 'application/json' },
      }),
    ];
    const ids = responses.map((r) => r.headers.get('x-request-id'));
    expect(ids.every((id) => typeof id === 'string' && id.length > 4)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    for (const res of responses.slice(1, 4))
      expect(((await res.json()) as ErrorResponse).requestId).toBe(res.headers.get('x-request-id'));
  });
});
