import { describe, expect, test } from 'vitest';
import { createStack } from '../test/harness.js';
import { tcpStack } from '../test/tcp-stack.js';

const INVOICES = '/payments-billing-customer-product-invoice';

type Problem = { code: string; issues: Array<{ path: string; message: string }> };

async function refused(res: Response): Promise<Problem> {
  expect(res.status).toBe(400);
  const body = (await res.json()) as Problem;
  expect(body.code).toBe('VALIDATION_FAILED');
  return body;
}

describe('query strings are never dropped in silence', () => {
  test('GET /customers takes no query: each parameter is named, nothing goes upstream', async () => {
    await using stack = await createStack();
    expect((await stack.call('/customers')).status).toBe(200);
    stack.emulator.clearRequests();
    for (const query of ['customerId=customer-123456', 'limit=1', 'customerId=nope']) {
      const body = await refused(await stack.call(`/customers?${query}`));
      expect(body.issues).toEqual([
        {
          path: query.split('=')[0],
          message: expect.stringContaining('GET /customers/{customerId}'),
        },
      ]);
    }
    const both = await refused(await stack.call('/customers?limit=1&customerId=x&limit=2'));
    expect(both.issues.map((i) => i.path)).toEqual(['limit', 'customerId']);
    expect(stack.emulator.requests()).toEqual([]);
  });

  test('the invoices route: customerId once, nothing else', async () => {
    await using stack = await createStack();
    const twice = await refused(
      await stack.call(`${INVOICES}?customerId=customer-123456&customerId=other`),
    );
    expect(twice.issues).toEqual([{ path: 'customerId', message: 'sent 2 times; send it once' }]);
    const extra = await refused(
      await stack.call(`${INVOICES}?customerId=customer-123456&status=PAID&page=2`),
    );
    expect(extra.issues.map((i) => i.path)).toEqual(['status', 'page']);
    expect(extra.issues[0]!.message).toContain('takes only customerId');
    expect(stack.emulator.requests()).toEqual([]);
    expect((await stack.call(`${INVOICES}?customerId=customer-123456`)).status).toBe(200);
  });

  test('the other operations refuse parameters the spec does not give them', async () => {
    await using stack = await createStack();
    const json = { 'content-type': 'application/json' };
    const one = await refused(await stack.call('/customers/customer-123456?fields=all'));
    expect(one.issues).toEqual([
      { path: 'fields', message: "unknown query parameter; the spec's getCustomerById takes none" },
    ]);
    await refused(await stack.call('/customers/customer-123456?x=1', { method: 'DELETE' }));
    const create = await refused(
      await stack.call('/customers?dryRun=true', {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ customerId: 'q-1', customerName: 'Q' }),
      }),
    );
    expect(create.issues.map((i) => i.path)).toEqual(['dryRun']);
    const flagTwice = await refused(
      await stack.call(
        '/customers?autoCreateCustomerInStripe=if_payment_provider&autoCreateCustomerInStripe=x',
        {
          method: 'POST',
          headers: json,
          body: JSON.stringify({ customerId: 'q-2', customerName: 'Q' }),
        },
      ),
    );
    expect(flagTwice.issues.map((i) => i.path)).toEqual(['autoCreateCustomerInStripe']);
    expect(stack.emulator.requests()).toEqual([]);
    // An empty query is no query.
    expect((await stack.call('/customers?')).status).toBe(200);
  });

  test('over TCP, with the plain entries cached, the fast path refuses the same', async () => {
    await using s = await tcpStack();
    expect((await s.call('/customers')).status).toBe(200);
    expect((await s.call('/customers')).headers.get('x-cache')).toBe('HIT');
    expect((await s.call(`${INVOICES}?customerId=customer-123456`)).status).toBe(200);
    s.emulator.clearRequests();
    for (const path of [
      '/customers?customerId=customer-123456',
      '/customers?limit=1',
      `${INVOICES}?customerId=customer-123456&customerId=other`,
      `${INVOICES}?customerId=customer-123456&status=PAID`,
      '/customers/customer-123456?x=1',
    ]) {
      const res = await s.call(path);
      expect(res.headers.get('x-cache')).toBeNull();
      await refused(res);
    }
    expect(s.emulator.requests()).toEqual([]);
  });
});
