import { describe, expect, test } from 'vitest';
import type { Customer } from '../schemas/index.js';
import { createAmberfloClient } from './create-client.js';
import { startTestServer } from './test-server.js';
import { USER_AGENT } from './version.js';

const acme: Customer = {
  customerId: 'customer-123456',
  customerName: 'Acme Corp',
  customerEmail: 'billing@acme.com',
  lifecycleStage: 'ACTIVE',
  createTime: 1718153645993,
  updateTime: 1718153645993,
  test: false,
};
const invoice = {
  invoiceId: 'inv-500123',
  customerId: 'customer-123456',
  startTime: 1718100000,
  endTime: 1718186400,
  totalAmount: 99.5,
  currency: 'USD',
  status: 'PAID',
};

async function setup(body: unknown) {
  const server = await startTestServer([{ status: 200, body }]);
  const client = createAmberfloClient({
    apiKey: 'key-resources',
    baseUrl: server.url,
    headers: { 'x-team': 'billing' },
  });
  return { server, client, [Symbol.asyncDispose]: () => server.close() };
}

describe('one method per spec operation, as the server sees it', () => {
  test('customers.list → GET /customers', async () => {
    await using ctx = await setup([acme]);
    const result: Customer[] = await ctx.client.customers.list();
    expect(result).toEqual([acme]);
    const [request] = ctx.server.requests;
    expect(request).toMatchObject({ method: 'GET', url: '/customers', body: '' });
    expect(request?.headers).toMatchObject({
      'x-api-key': 'key-resources',
      'user-agent': USER_AGENT,
      accept: 'application/json',
      'x-team': 'billing',
    });
  });

  test('customers.get → GET /customers/{id}, unknown upstream fields kept', async () => {
    await using ctx = await setup({ ...acme, extraFromLiveApi: { a: 1 } });
    const result = await ctx.client.customers.get('customer-123456');
    expect(result).toEqual({ ...acme, extraFromLiveApi: { a: 1 } });
    expect(ctx.server.requests[0]).toMatchObject({
      method: 'GET',
      url: '/customers/customer-123456',
    });
    expect(ctx.server.requests[0]?.headers['x-api-key']).toBe('key-resources');
  });

  test('customers.create → POST /customers with the body as JSON', async () => {
    await using ctx = await setup(acme);
    const body = { customerId: 'customer-123456', customerName: 'Acme Corp', test: false };
    const result = await ctx.client.customers.create(body);
    expect(result.customerId).toBe('customer-123456');
    const [request] = ctx.server.requests;
    expect(request).toMatchObject({ method: 'POST', url: '/customers' });
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.headers['x-api-key']).toBe('key-resources');
    expect(JSON.parse(request?.body ?? '')).toEqual(body);
  });

  test('customers.create with autoCreateCustomerInStripe adds the spec query value', async () => {
    await using ctx = await setup(acme);
    await ctx.client.customers.create(
      { customerId: 'c-1', customerName: 'C' },
      { autoCreateCustomerInStripe: true },
    );
    expect(ctx.server.requests[0]?.url).toBe(
      '/customers?autoCreateCustomerInStripe=if_payment_provider',
    );
  });

  test('customers.update → PUT /customers with the full customer', async () => {
    await using ctx = await setup({ ...acme, customerName: 'Acme Inc' });
    const result = await ctx.client.customers.update({ ...acme, customerName: 'Acme Inc' });
    expect(result.customerName).toBe('Acme Inc');
    const [request] = ctx.server.requests;
    expect(request).toMatchObject({ method: 'PUT', url: '/customers' });
    expect(JSON.parse(request?.body ?? '')).toEqual({ ...acme, customerName: 'Acme Inc' });
    expect(request?.headers['x-api-key']).toBe('key-resources');
  });

  test('customers.delete → DELETE /customers/{id}; an empty 200 resolves to undefined', async () => {
    await using ctx = await setup(undefined);
    await expect(ctx.client.customers.delete('customer-123456')).resolves.toBeUndefined();
    expect(ctx.server.requests[0]).toMatchObject({
      method: 'DELETE',
      url: '/customers/customer-123456',
    });
    expect(ctx.server.requests[0]?.headers['x-api-key']).toBe('key-resources');
  });

  test('customers.delete also accepts the live API answer (the deleted customer)', async () => {
    await using ctx = await setup(acme);
    await expect(ctx.client.customers.delete('customer-123456')).resolves.toBeUndefined();
  });

  test('invoices.list → GET /payments-billing-customer-product-invoice?customerId=', async () => {
    await using ctx = await setup([invoice]);
    const result = await ctx.client.invoices.list({ customerId: 'customer 1&x=2' });
    expect(result).toEqual([invoice]);
    const [request] = ctx.server.requests;
    expect(request?.method).toBe('GET');
    expect(request?.path).toBe('/payments-billing-customer-product-invoice');
    expect([...(request?.query ?? [])]).toEqual([['customerId', 'customer 1&x=2']]);
    expect(request?.headers['x-api-key']).toBe('key-resources');
  });

  test('prepaidOrders.create → POST /payments-pricing-amberflo-customer-prepaid', async () => {
    const order = {
      orderId: 'order-1',
      customerId: 'customer-123456',
      amount: 500,
      currency: 'USD',
    };
    await using ctx = await setup(order);
    const body = {
      customerId: 'customer-123456',
      amount: 500,
      currency: 'USD',
      expirationTime: 1749686400000,
    };
    await expect(ctx.client.prepaidOrders.create(body)).resolves.toEqual(order);
    const [request] = ctx.server.requests;
    expect(request).toMatchObject({
      method: 'POST',
      url: '/payments-pricing-amberflo-customer-prepaid',
    });
    expect(JSON.parse(request?.body ?? '')).toEqual(body);
    expect(request?.headers['x-api-key']).toBe('key-resources');
  });

  test('pricingPlans.assign → POST /payments-pricing-amberflo-customer-pricing', async () => {
    const body = {
      customerId: 'customer-123456',
      productId: 'plan-standard',
      startTime: 1718153645993,
    };
    await using ctx = await setup(body);
    await expect(ctx.client.pricingPlans.assign(body)).resolves.toEqual(body);
    const [request] = ctx.server.requests;
    expect(request).toMatchObject({
      method: 'POST',
      url: '/payments-pricing-amberflo-customer-pricing',
    });
    expect(JSON.parse(request?.body ?? '')).toEqual(body);
    expect(request?.headers['x-api-key']).toBe('key-resources');
  });
});

describe('paths and clients', () => {
  test.each([
    ['../x', '/customers/..%2Fx'],
    ['a/b', '/customers/a%2Fb'],
    ['a?b=c#d', '/customers/a%3Fb%3Dc%23d'],
    ['%2e%2e', '/customers/%252e%252e'],
    ['ünï cødé', '/customers/%C3%BCn%C3%AF%20c%C3%B8d%C3%A9'],
  ])('customer id %j stays one encoded path segment (%s)', async (id, expected) => {
    await using ctx = await setup(acme);
    await ctx.client.customers.get(id);
    await ctx.client.customers.delete(id);
    expect(ctx.server.requests.map((r) => r.url)).toEqual([expected, expected]);
  });

  test('a base URL with a path prefix (a proxy mount) is kept', async () => {
    const server = await startTestServer([{ body: [] }]);
    try {
      const client = createAmberfloClient({ apiKey: 'k', baseUrl: `${server.url}/amberflo/` });
      await client.customers.list();
      expect(server.requests[0]?.url).toBe('/amberflo/customers');
    } finally {
      await server.close();
    }
  });

  test('two clients share nothing: each sends its own key and headers', async () => {
    await using server = await startTestServer([{ body: [] }]);
    const a = createAmberfloClient({
      apiKey: 'key-a',
      baseUrl: server.url,
      headers: { 'x-c': 'a' },
    });
    const b = createAmberfloClient({ apiKey: 'key-b', baseUrl: server.url });
    await a.customers.list();
    await b.customers.list();
    await a.customers.list();
    expect(server.requests.map((r) => [r.headers['x-api-key'], r.headers['x-c']])).toEqual([
      ['key-a', 'a'],
      ['key-b', undefined],
      ['key-a', 'a'],
    ]);
  });

  test('a custom header cannot replace the API key', async () => {
    await using server = await startTestServer([{ body: [] }]);
    const client = createAmberfloClient({
      apiKey: 'real-key',
      baseUrl: server.url,
      headers: { 'X-API-KEY': 'other' },
    });
    await client.customers.list();
    expect(server.requests[0]?.headers['x-api-key']).toBe('real-key');
  });

  test('bad options fail at construction, naming the option', () => {
    expect(() => createAmberfloClient({ apiKey: '' })).toThrow(/apiKey/);
    expect(() => createAmberfloClient({ apiKey: 'k', baseUrl: 'app.amberflo.io' })).toThrow(
      /baseUrl/,
    );
    expect(() =>
      createAmberfloClient({ apiKey: 'k', validateResponses: 'stict' as 'strict' }),
    ).toThrow(/validateResponses/);
    expect(() => createAmberfloClient({ apiKey: 'k', timeoutMs: -1 })).toThrow(/timeoutMs/);
  });

  test('baseUrl defaults to https://app.amberflo.io', async () => {
    const urls: string[] = [];
    const client = createAmberfloClient({
      apiKey: 'k',
      // Answered in process: nothing leaves the machine.
      fetch: async (input) => {
        urls.push(input instanceof Request ? input.url : String(input));
        return Response.json([]);
      },
    });
    await client.customers.list();
    await client.invoices.list({ customerId: 'c 1' });
    expect(urls).toEqual([
      'https://app.amberflo.io/customers',
      'https://app.amberflo.io/payments-billing-customer-product-invoice?customerId=c+1',
    ]);
  });

  test('a fetch option carries every request (an in-process app)', async () => {
    const seen: string[] = [];
    const client = createAmberfloClient({
      apiKey: 'k',
      baseUrl: 'http://in-process.test',
      fetch: async (input) => {
        const request = input instanceof Request ? input : new Request(input);
        seen.push(`${request.method} ${request.url} ${request.headers.get('x-api-key')}`);
        return Response.json([acme]);
      },
    });
    await expect(client.customers.list()).resolves.toEqual([acme]);
    expect(seen).toEqual(['GET http://in-process.test/customers k']);
  });
});
