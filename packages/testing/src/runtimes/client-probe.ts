import { createAmberfloClient, NotFoundError } from '@amberkit/core/client';

export type ClientProbeOptions = { baseUrl: string; apiKey: string; customerId: string };

/**
 * What core's client does in every runtime it claims: list, get, create and read back, a 404,
 * and invoices. Imports only `@amberkit/core/client`, so Bun and Deno can load this file as it
 * is and esbuild can bundle it for workerd. The answer is plain JSON for the test to check.
 */
export async function probeClient({ baseUrl, apiKey, customerId }: ClientProbeOptions) {
  const client = createAmberfloClient({ apiKey, baseUrl, timeoutMs: 10_000 });
  const listed = await client.customers.list();
  const acme = await client.customers.get('customer-123456');
  const created = await client.customers.create({
    customerId,
    customerName: `Created on ${navigator.userAgent}`,
    customerEmail: 'billing@example.com',
    traits: { runtime: navigator.userAgent },
  });
  const readBack = await client.customers.get(customerId);
  const missing = await client.customers.get('no-such-customer').then(
    () => 'found',
    (error: unknown) =>
      error instanceof NotFoundError ? `${error.name} ${error.status}` : `${error}`,
  );
  const invoices = await client.invoices.list({ customerId: 'customer-123456' });
  const invoice = invoices.find((i) => i.invoiceId === 'inv-500123');
  return {
    userAgent: navigator.userAgent,
    listed: { count: listed.length, hasAcme: listed.some((c) => c.customerId === acme.customerId) },
    acme: { customerName: acme.customerName, createTime: acme.createTime },
    created: { customerId: created.customerId, customerName: created.customerName },
    readBack: { customerName: readBack.customerName, traits: readBack.traits },
    missing,
    invoice: invoice && {
      totalAmount: invoice.totalAmount,
      currency: invoice.currency,
      status: invoice.status,
    },
  };
}

export type ClientProbe = Awaited<ReturnType<typeof probeClient>>;
