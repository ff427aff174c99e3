import { createAmberfloClient, NotFoundError } from '@amberkit/core/client';
import { expect, test } from 'vitest';
import { createEmulator } from './index.js';

// The README's and docs/emulator.md's examples, run as written, so the docs cannot rot.

test('README: an invoice list for a new customer', async () => {
  const emulator = createEmulator({ accounts: ['test-key'] });
  await using server = await emulator.listen();
  const client = createAmberfloClient({ apiKey: 'test-key', baseUrl: server.url });

  await client.customers.create({ customerId: 'c-1', customerName: 'New Co' });
  expect(await client.invoices.list({ customerId: 'c-1' })).toEqual([]);
  expect(await client.invoices.list({ customerId: 'customer-123456' })).toEqual([
    expect.objectContaining({ invoiceId: 'inv-500123', totalAmount: 99.5, status: 'PAID' }),
  ]);
});

test('docs: in-process creates and reads a customer', async () => {
  const emulator = createEmulator({ accounts: ['test-key'], dataset: 'empty' });
  const client = createAmberfloClient({
    apiKey: 'test-key',
    baseUrl: 'http://emulator.local',
    fetch: async (input, init) => emulator.fetch(input as Request, init),
  });

  await client.customers.create({ customerId: 'c-1', customerName: 'New Co' });
  expect(await client.customers.get('c-1')).toMatchObject({ customerName: 'New Co' });
  await client.customers.delete('c-1');
  await expect(client.customers.get('c-1')).rejects.toBeInstanceOf(NotFoundError);

  const res = await emulator.app.request('/customers', { headers: { 'X-API-KEY': 'test-key' } });
  const same = await emulator.fetch('/customers', { headers: { 'X-API-KEY': 'test-key' } });
  expect(await res.json()).toEqual(await same.json());
});
