import { acmeCustomer, examplePlanAssignment, examplePrepaidOrderRequest } from '@amberkit/testing';
import { describe, expect, test } from 'vitest';
import { createStack } from '../test/harness.js';

const json = (body: unknown, method = 'POST'): RequestInit => ({
  method,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

describe('the eight operations through the proxy', () => {
  test('listCustomers and getCustomerById return the emulator data', async () => {
    await using stack = await createStack();
    const list = await stack.call('/customers');
    expect(list.status).toBe(200);
    const customers = (await list.json()) as Array<{ customerId: string }>;
    expect(customers.map((c) => c.customerId)).toContain('customer-123456');
    const one = await stack.call('/customers/customer-123456');
    expect(one.status).toBe(200);
    expect(await one.json()).toMatchObject({
      customerId: 'customer-123456',
      customerName: acmeCustomer.customerName,
    });
  });

  test('createCustomer, updateCustomer, deleteCustomer', async () => {
    await using stack = await createStack();
    const created = await stack.call(
      '/customers',
      json({ customerId: 'c-new', customerName: 'New Co' }),
    );
    expect(created.status).toBe(200);
    expect(await created.json()).toMatchObject({ customerId: 'c-new', customerName: 'New Co' });
    const updated = await stack.call(
      '/customers',
      json({ customerId: 'c-new', customerName: 'Renamed' }, 'PUT'),
    );
    expect(updated.status).toBe(200);
    expect(await updated.json()).toMatchObject({ customerName: 'Renamed' });
    const deleted = await stack.call('/customers/c-new', { method: 'DELETE' });
    expect(deleted.status).toBe(200);
    expect(
      stack.emulator.snapshot().customers.find((c) => c.customerId === 'c-new')?.deleteTime ??
        'gone',
    ).toBeDefined();
  });

  test('createCustomer passes autoCreateCustomerInStripe through and rejects other values', async () => {
    await using stack = await createStack();
    const ok = await stack.call(
      '/customers?autoCreateCustomerInStripe=if_payment_provider',
      json({ customerId: 'c-s', customerName: 'S' }),
    );
    expect(ok.status).toBe(200);
    expect(stack.emulator.requests().at(-1)?.query).toMatchObject({
      autoCreateCustomerInStripe: 'if_payment_provider',
    });
    const bad = await stack.call(
      '/customers?autoCreateCustomerInStripe=always',
      json({ customerId: 'c-t', customerName: 'T' }),
    );
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      issues: [{ path: 'autoCreateCustomerInStripe' }],
    });
  });

  test('listInvoices, createPrepaidOrder, assignPricingPlan', async () => {
    await using stack = await createStack();
    const invoices = await stack.call(
      '/payments-billing-customer-product-invoice?customerId=customer-123456',
    );
    expect(invoices.status).toBe(200);
    expect(
      ((await invoices.json()) as Array<{ invoiceId: string }>).map((i) => i.invoiceId),
    ).toContain('inv-500123');
    const order = await stack.call(
      '/payments-pricing-amberflo-customer-prepaid',
      json(examplePrepaidOrderRequest),
    );
    expect(order.status).toBe(200);
    expect(await order.json()).toMatchObject({
      customerId: 'customer-123456',
      amount: examplePrepaidOrderRequest.amount,
    });
    const plan = await stack.call(
      '/payments-pricing-amberflo-customer-pricing',
      json(examplePlanAssignment),
    );
    expect(plan.status).toBe(200);
    expect(await plan.json()).toMatchObject({
      customerId: examplePlanAssignment.customerId,
      productId: examplePlanAssignment.productId,
    });
  });

  test('path parameters are re-encoded: a/b and ../x stay data', async () => {
    const urls: string[] = [];
    await using inner = await createStack();
    await using stack = await createStack({
      proxy: {
        fetch: (request) => {
          urls.push(request.url);
          return inner.emulator.fetch(request);
        },
      },
    });
    for (const id of ['a/b', '../x', 'sp ace?&#']) {
      const res = await stack.call(`/customers/${encodeURIComponent(id)}`);
      expect(res.status).toBe(404);
      expect(urls.at(-1)).toBe(`http://emulator.local/customers/${encodeURIComponent(id)}`);
      expect(decodeURIComponent(inner.emulator.requests().at(-1)!.path)).toBe(`/customers/${id}`);
    }
  });

  test('upstream gets the proxy key, never the caller credentials, plus the request id', async () => {
    const seen: Headers[] = [];
    await using stack = await createStack();
    const inner = stack.emulator;
    await using spy = await createStack({
      proxy: {
        fetch: (request) => {
          seen.push(new Headers(request.headers));
          return inner.fetch(request);
        },
      },
    });
    const res = await spy.call('/customers', {
      headers: {
        'x-request-id': 'req-abc-123',
        connection: 'keep-alive, x-secret',
        'x-secret': 'no',
        'proxy-authorization': 'x',
      },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toBe('req-abc-123');
    const sent = seen.find((h) => h.get('x-request-id') === 'req-abc-123')!;
    expect(sent.get('x-api-key')).toBe('emulator-secret-key-0123456789');
    expect(sent.get('authorization')).toBeNull();
    expect(sent.get('x-secret')).toBeNull();
    expect(sent.get('proxy-authorization')).toBeNull();
    expect(sent.get('connection')).toBeNull();
  });
});

describe('requests the proxy refuses itself', () => {
  test('unknown path → 404, wrong method → 405 with Allow', async () => {
    await using stack = await createStack();
    const missing = await stack.call('/nope');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ code: 'NOT_FOUND' });
    const wrong = await stack.call('/customers', { method: 'PATCH' });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('GET, POST, PUT, HEAD');
    expect(await wrong.json()).toMatchObject({ code: 'METHOD_NOT_ALLOWED' });
    const wrongId = await stack.call('/customers/x', { method: 'POST' });
    expect(wrongId.status).toBe(405);
    expect(wrongId.headers.get('allow')).toBe('GET, DELETE, HEAD');
    for (const path of ['/healthz', '/readyz', '/metrics', '/openapi.json']) {
      const posted = await stack.call(path, { method: 'POST', as: null });
      expect(posted.status, path).toBe(405);
      expect(posted.headers.get('allow'), path).toBe('GET, HEAD');
      expect(await posted.json(), path).toMatchObject({ code: 'METHOD_NOT_ALLOWED' });
    }
    expect((await stack.call('/healthz', { method: 'HEAD', as: null })).status).toBe(200);
  });

  test('malformed JSON and schema failures → 400 naming the fields, nothing sent upstream', async () => {
    await using stack = await createStack();
    stack.emulator.clearRequests();
    const malformed = await stack.call('/customers', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"customerId": ',
    });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: 'The request body is not valid JSON',
    });
    const invalid = await stack.call(
      '/customers',
      json({ customerId: 'x', customerEmail: 'not-an-email', address: { line1: 'a' } }),
    );
    expect(invalid.status).toBe(400);
    const body = (await invalid.json()) as {
      code: string;
      message: string;
      issues: Array<{ path: string }>;
    };
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.issues.map((i) => i.path)).toEqual(
      expect.arrayContaining(['customerName', 'customerEmail', 'address.city']),
    );
    expect(body.message).toContain('customerName');
    const noQuery = await stack.call('/payments-billing-customer-product-invoice');
    expect(noQuery.status).toBe(400);
    expect(await noQuery.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      issues: [{ path: 'customerId' }],
    });
    expect(stack.emulator.requests()).toEqual([]);
  });

  test('a body over the limit → 413', async () => {
    await using stack = await createStack({ proxy: { bodyLimitBytes: 1024 } });
    const big = { customerId: 'big', customerName: 'x'.repeat(2048) };
    const res = await stack.call('/customers', json(big));
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    // Without a content-length the limit still holds while streaming.
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(JSON.stringify(big)));
        controller.close();
      },
    });
    const streamed = await stack.call('/customers', {
      method: 'POST',
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
  });
});
