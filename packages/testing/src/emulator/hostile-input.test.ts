import { ErrorResponse } from '@amberkit/core/schemas';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { MAX_BODY_BYTES, MAX_JSON_DEPTH } from './read-body.js';
import { StrictCustomer } from './strict-schemas.js';
import { type CallInit, MODES, openHarness } from './test-support.js';

// `..` alone cannot be addressed: URLs normalise a `..` segment (even `%2E%2E`) away.
const ODD_IDS = [
  '../x',
  'a/b',
  '...',
  'ünïcödé-✓-😀',
  'with space',
  '%2F',
  '?q=1#h',
  'a'.repeat(256),
  "'; DROP TABLE--",
];

describe.each(MODES)('hostile input never gets a 500 (%s)', (mode) => {
  test('a body over the limit is 413 PAYLOAD_TOO_LARGE', async () => {
    await using h = await openHarness(mode, { dataset: 'empty' });
    const big = JSON.stringify({
      customerId: 'big',
      customerName: 'x'.repeat(MAX_BODY_BYTES + 10),
    });
    const res = await h.call('/customers', {
      method: 'POST',
      body: big,
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    expect(await (await h.call('/customers')).json()).toEqual([]);
  });

  test('a streamed body over the limit without Content-Length is 413', async () => {
    await using h = await openHarness(mode, { dataset: 'empty' });
    const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > MAX_BODY_BYTES * 2) controller.close();
        else {
          sent += chunk.byteLength;
          controller.enqueue(chunk);
        }
      },
    });
    const res = await h.call('/customers', {
      method: 'POST',
      body: stream,
      headers: { 'content-type': 'application/json' },
      duplex: 'half',
    } as CallInit);
    expect(res.status).toBe(413);
  });

  test('deeply nested JSON is 400, not a stack overflow', async () => {
    await using h = await openHarness(mode, { dataset: 'empty' });
    for (const depth of [MAX_JSON_DEPTH + 1, 100_000]) {
      const nested = `${'['.repeat(depth)}${']'.repeat(depth)}`;
      const body = `{"customerId":"d","customerName":"D","extra":${nested}}`;
      const res = await h.call('/customers', {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/json' },
      });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    }
  });

  test.each(ODD_IDS)(
    'customerId %j is data, not a path: create, get, delete round-trip',
    async (id) => {
      await using h = await openHarness(mode, { dataset: 'empty' });
      const created = await h.call('/customers', {
        method: 'POST',
        json: { customerId: id, customerName: 'Odd' },
      });
      expect(created.status).toBe(200);
      const path = `/customers/${encodeURIComponent(id)}`;
      const got = await h.call(path);
      expect(got.status).toBe(200);
      expect(StrictCustomer.parse(await got.json()).customerId).toBe(id);
      const invoices = await h.call(
        `/payments-billing-customer-product-invoice?customerId=${encodeURIComponent(id)}`,
      );
      expect(await invoices.json()).toEqual([]);
      expect((await h.call(path, { method: 'DELETE' })).status).toBe(200);
      expect((await h.call(path)).status).toBe(404);
    },
  );

  test('an over-long customerId is 400, and an unknown odd id is 404', async () => {
    await using h = await openHarness(mode, { dataset: 'empty' });
    const res = await h.call('/customers', {
      method: 'POST',
      json: { customerId: 'a'.repeat(257), customerName: 'L' },
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ issues: [{ path: 'customerId' }] });
    expect((await h.call(`/customers/${encodeURIComponent('../../etc/passwd')}`)).status).toBe(404);
    expect((await h.call(`/customers/${'%'.repeat(3)}`)).status).toBeLessThan(500);
    expect((await h.call('/customers/%2E%2E')).status).toBe(404);
  });

  test('a customerId with a lone surrogate is 400 naming it: no URL could read it back', async () => {
    await using h = await openHarness(mode, { dataset: 'empty' });
    const res = await h.call('/customers', {
      method: 'POST',
      body: '{"customerId":"a\\ud800","customerName":"x"}',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      issues: [{ path: 'customerId', message: expect.stringContaining('lone surrogate') }],
    });
    expect(h.emulator.snapshot().customers).toEqual([]);
  });

  test.each([
    ['__proto__ key', '{"customerId":"p","customerName":"P","__proto__":{"admin":true}}'],
    ['numbers for strings', '{"customerId":1,"customerName":2}'],
    ['a bare string', '"hello"'],
    ['a number', '42'],
    ['invalid UTF-8 escapes', '{"customerId":"\\ud800","customerName":"x"}'],
    ['trailing garbage', '{"customerId":"a","customerName":"b"} x'],
    ['BOM and whitespace', '\ufeff {"customerId":"a","customerName":"b"}'],
  ])('%s never gets a 500', async (_name, body) => {
    await using h = await openHarness(mode, { dataset: 'empty' });
    const res = await h.call('/customers', {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBeGreaterThanOrEqual(200);
    expect(res.status).toBeLessThan(500);
    if (res.status >= 400) ErrorResponse.parse(await res.json());
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });
});

const WRITE_ROUTES = [
  ['POST', '/customers'],
  ['PUT', '/customers'],
  ['POST', '/payments-pricing-amberflo-customer-prepaid'],
  ['POST', '/payments-pricing-amberflo-customer-pricing'],
  ['POST', '/_emulator/invoices'],
  ['PUT', '/_emulator/faults'],
  ['POST', '/_emulator/reset'],
] as const;

describe.each(MODES)('fuzzed input never gets a 500 (%s)', (mode) => {
  test('any JSON value or any text, to any write route, is answered below 500 with a proper body', async () => {
    await using h = await openHarness(mode);
    const body = fc.oneof(
      fc.jsonValue().map((v) => JSON.stringify(v)),
      fc.string(),
      fc
        .record({
          customerId: fc.string(),
          customerName: fc.string(),
          amount: fc.double(),
          productId: fc.string(),
        })
        .map((v) => JSON.stringify(v)),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...WRITE_ROUTES), body, async ([method, path], text) => {
        const res = await h.call(path, {
          method,
          body: text,
          headers: { 'content-type': 'application/json' },
        });
        expect(res.status).toBeLessThan(500);
        expect(res.headers.get('x-request-id')).toBeTruthy();
        const answer: unknown = await res.json();
        if (res.status >= 400) {
          expect(ErrorResponse.parse(answer)).toMatchObject({
            code: expect.any(String),
            message: expect.any(String),
          });
        }
      }),
      { numRuns: mode === 'tcp' ? 100 : 400 },
    );
  }, 60_000);

  test('any path segment or query is answered below 500', async () => {
    await using h = await openHarness(mode);
    await fc.assert(
      fc.asyncProperty(fc.string(), fc.string(), async (segment, query) => {
        const a = await h.call(`/customers/${encodeURIComponent(segment || 'x')}`);
        expect(a.status === 200 || a.status === 404).toBe(true);
        const b = await h.call(
          `/payments-billing-customer-product-invoice?customerId=${encodeURIComponent(query)}`,
        );
        expect([200, 400]).toContain(b.status);
      }),
      { numRuns: mode === 'tcp' ? 100 : 300 },
    );
  }, 60_000);
});
