import { createAmberfloClient, NotFoundError, TimeoutError } from '@amberkit/core/client';
import { expect, test } from 'vitest';
import {
  buildCustomer,
  createEmulator,
  loadDataset,
  seedCustomers,
  seedInvoices,
} from './index.js';

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

test('docs: as a server', async () => {
  const emulator = createEmulator({ accounts: ['test-key'] });
  await using server = await emulator.listen();
  const res = await fetch(`${server.url}/customers`, { headers: { 'X-API-KEY': 'test-key' } });
  expect(res.status).toBe(200);
  expect(((await res.json()) as unknown[]).length).toBe(33);
});

test('docs: faults in a test (a hang is a TimeoutError; fail once, then recover)', async () => {
  const emulator = createEmulator({
    accounts: ['k'],
    faults: [{ path: '/customers/', hang: true }],
  });
  await using server = await emulator.listen();
  const client = createAmberfloClient({ apiKey: 'k', baseUrl: server.url, timeoutMs: 200 });
  await expect(client.customers.get('customer-123456')).rejects.toBeInstanceOf(TimeoutError);

  emulator.setFaults([{ status: 503 }]);
  const retrying = createAmberfloClient({
    apiKey: 'k',
    baseUrl: server.url,
    hooks: { onRetry: () => emulator.setFaults([]) },
  });
  await retrying.customers.list();
  expect(emulator.requests().map((r) => r.status)).toEqual([0, 503, 200]);
});

test('docs: datasets and fixtures', () => {
  const customer = buildCustomer({ lifecycleStage: 'TRAIL' }, { seed: 7 });
  expect(buildCustomer({ lifecycleStage: 'TRAIL' }, { seed: 7 })).toEqual(customer);
  const many = seedCustomers(10_000, { seed: 1 });
  expect(many.length).toBe(10_000);
  const invoices = seedInvoices(many.slice(0, 10), { seed: 1, perCustomer: 3 });
  expect(invoices.length).toBe(30);
  const { customers } = loadDataset('demo');
  expect(customers.map((c) => c.customerId).slice(0, 2)).toEqual(['customer-123456', 'demo-00001']);
  expect(customers.at(-1)?.customerId).toBe('demo-00032');
});
