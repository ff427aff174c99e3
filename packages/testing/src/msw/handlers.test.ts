import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { createEmulator } from '../emulator/create-emulator.js';
import { amberfloHandlers } from './handlers.js';

const KEY = 'msw-key';
const emulator = createEmulator({ accounts: [KEY] });
const server = setupServer(
  ...amberfloHandlers(emulator),
  ...amberfloHandlers(emulator, { baseUrl: 'http://billing.test/' }),
  ...amberfloHandlers(emulator, { baseUrl: 'https://gateway.test/amberflo/v1/' }),
);
const headers = { 'x-api-key': KEY, 'content-type': 'application/json' };

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => emulator.reset());
afterAll(() => server.close());

describe('amberfloHandlers (MSW 2)', () => {
  test('a plain fetch to app.amberflo.io reaches the emulator state', async () => {
    const res = await fetch('https://app.amberflo.io/customers/customer-123456', { headers });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ customerName: 'Acme Corp' });
  });

  test('writes through MSW are visible in-process and the other way round', async () => {
    const created = await fetch('https://app.amberflo.io/customers', {
      method: 'POST',
      headers,
      body: JSON.stringify({ customerId: 'via-msw', customerName: 'MSW' }),
    });
    expect(created.status).toBe(200);
    expect(emulator.snapshot().customers.map((c) => c.customerId)).toContain('via-msw');
    emulator.load(KEY, { customers: [{ customerId: 'direct', customerName: 'D' }] });
    expect((await fetch('https://app.amberflo.io/customers/direct', { headers })).status).toBe(200);
  });

  test('validation, auth and encoded ids behave as in the emulator', async () => {
    expect((await fetch('https://app.amberflo.io/customers')).status).toBe(401);
    const bad = await fetch('https://app.amberflo.io/customers', {
      method: 'POST',
      headers,
      body: '{}',
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(
      (await fetch(`https://app.amberflo.io/customers/${encodeURIComponent('a/b')}`, { headers }))
        .status,
    ).toBe(404);
    const invoices = await fetch(
      'https://app.amberflo.io/payments-billing-customer-product-invoice?customerId=customer-123456',
      { headers },
    );
    expect(await invoices.json()).toEqual([expect.objectContaining({ invoiceId: 'inv-500123' })]);
  });

  test('a custom baseUrl and the admin API work', async () => {
    const res = await fetch('http://billing.test/_emulator/health');
    expect(await res.json()).toEqual({ status: 'ok', accounts: 1 });
    const plan = await fetch('http://billing.test/payments-pricing-amberflo-customer-pricing', {
      method: 'POST',
      headers,
      body: JSON.stringify({
        customerId: 'customer-123456',
        productId: 'plan-a',
        startTime: 1718153645993,
      }),
    });
    expect(await plan.json()).toEqual({
      customerId: 'customer-123456',
      productId: 'plan-a',
      startTime: 1718153645993,
    });
  });

  test('a baseUrl with a path (a proxy mount): the path is taken off before the emulator', async () => {
    const base = 'https://gateway.test/amberflo/v1';
    const got = await fetch(`${base}/customers/customer-123456`, { headers });
    expect(got.status).toBe(200);
    expect(await got.json()).toMatchObject({ customerName: 'Acme Corp' });
    const created = await fetch(`${base}/customers`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ customerId: 'mounted', customerName: 'M' }),
    });
    expect(created.status).toBe(200);
    expect(emulator.snapshot().customers.map((c) => c.customerId)).toContain('mounted');
    const invoices = await fetch(
      `${base}/payments-billing-customer-product-invoice?customerId=customer-123456`,
      { headers },
    );
    expect(invoices.status).toBe(200);
    expect(emulator.requests().at(-1)).toMatchObject({
      path: '/payments-billing-customer-product-invoice',
      query: { customerId: 'customer-123456' },
    });
    emulator.setFaults([{ drop: true }]);
    await expect(fetch(`${base}/customers`, { headers })).rejects.toBeInstanceOf(TypeError);
  });

  test.each(['https://x.test/a?b=1', 'https://x.test/#f', 'not a url', 'ftp://x.test'])(
    'a baseUrl of %s is refused at once',
    (baseUrl) => {
      expect(() => amberfloHandlers(emulator, { baseUrl })).toThrow(
        /baseUrl must be an http\(s\) URL with an optional path/,
      );
    },
  );

  test('a dropped-connection fault makes the fetch reject', async () => {
    emulator.setFaults([{ drop: true }]);
    await expect(fetch('https://app.amberflo.io/customers', { headers })).rejects.toBeInstanceOf(
      TypeError,
    );
  });
});
