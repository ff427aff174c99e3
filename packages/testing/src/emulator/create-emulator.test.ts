import type { Customer, Invoice } from '@amberkit/core/schemas';
import { describe, expect, test } from 'vitest';
import { createEmulator } from './create-emulator.js';

describe('createEmulator options', () => {
  test('bad account lists and log sizes fail at construction with a clear message', () => {
    expect(() => createEmulator({ accounts: [] })).toThrow(/at least one account/);
    expect(() => createEmulator({ accounts: ['a', 'a'] })).toThrow(/distinct/);
    expect(() => createEmulator({ accounts: [''] })).toThrow(/non-empty/);
    expect(() => createEmulator({ requestLogSize: 0 })).toThrow(/requestLogSize/);
  });

  test('the default account is emulator-key with the demo dataset', async () => {
    const emulator = createEmulator();
    const res = await emulator.fetch('/customers', { headers: { 'x-api-key': 'emulator-key' } });
    expect(((await res.json()) as unknown[]).length).toBe(33);
  });

  test('an account may name its own dataset; the others start empty', () => {
    const emulator = createEmulator({
      accounts: ['a', { apiKey: 'b', dataset: 'demo' }, 'c'],
      dataset: 'empty',
    });
    expect(emulator.snapshot('a').customers).toEqual([]);
    expect(emulator.snapshot('b').customers.length).toBe(33);
    expect(emulator.snapshot('c').customers).toEqual([]);
  });

  test('load adds to one account; an unknown key is refused', async () => {
    const emulator = createEmulator({ accounts: ['a', 'b'], dataset: 'empty' });
    emulator.load('b', {
      customers: [
        {
          customerId: 'x',
          customerName: 'X',
          createTime: 1718153645993,
          updateTime: 1718153645993,
        },
      ],
      invoices: [{ invoiceId: 'i', customerId: 'x', totalAmount: 1 }],
    });
    expect(emulator.snapshot('a').customers).toEqual([]);
    const res = await emulator.fetch('/payments-billing-customer-product-invoice?customerId=x', {
      headers: { 'x-api-key': 'b' },
    });
    expect(await res.json()).toEqual([{ invoiceId: 'i', customerId: 'x', totalAmount: 1 }]);
    expect(() => emulator.load('nope', {})).toThrow(/No account/);
  });

  test('reset restores the first account to its dataset and reseeds ids', async () => {
    const emulator = createEmulator({ accounts: ['a'], seed: 5 });
    const first = (
      await emulator.fetch('/customers', { headers: { 'x-api-key': 'a' } })
    ).headers.get('x-request-id');
    await emulator.fetch('/customers/customer-123456', {
      method: 'DELETE',
      headers: { 'x-api-key': 'a' },
    });
    emulator.reset();
    const again = await emulator.fetch('/customers', { headers: { 'x-api-key': 'a' } });
    expect(again.headers.get('x-request-id')).toBe(first);
    expect(((await again.json()) as unknown[]).length).toBe(33);
  });
});

describe('createEmulator copies and resets', () => {
  test('snapshot() and load() copy: changing either side later changes nothing in the emulator', async () => {
    const emulator = createEmulator({ accounts: ['a'] });
    const get = async (path: string) =>
      (await emulator.fetch(path, { headers: { 'x-api-key': 'a' } })).json();
    await get('/customers/customer-123456');
    const snapshot = emulator.snapshot();
    const acme = snapshot.customers[0] as Customer;
    acme.customerName = 'Changed';
    (snapshot.invoices[0] as Invoice).totalAmount = -1;
    expect(emulator.snapshot().customers[0]?.customerName).toBe('Acme Corp');
    expect(await get('/customers/customer-123456')).toMatchObject({ customerName: 'Acme Corp' });
    expect(
      await get('/payments-billing-customer-product-invoice?customerId=customer-123456'),
    ).toEqual([expect.objectContaining({ totalAmount: 99.5 })]);

    const loaded = { customerId: 'x', customerName: 'X', traits: { tier: 'pro' } };
    emulator.load('a', { customers: [loaded] });
    loaded.customerName = 'Changed';
    (loaded.traits as Record<string, string>).tier = 'changed';
    expect(emulator.snapshot().customers.at(-1)).toEqual({
      customerId: 'x',
      customerName: 'X',
      traits: { tier: 'pro' },
    });
    expect(await get('/customers/x')).toEqual({
      customerId: 'x',
      customerName: 'X',
      traits: { tier: 'pro' },
    });
  });

  test('a bare reset() goes back to the dataset and seed the emulator was created with', async () => {
    const emulator = createEmulator({ accounts: ['a'], dataset: 'demo', seed: 3 });
    const start = emulator.snapshot();
    emulator.reset({ dataset: 'empty' });
    expect(emulator.snapshot().customers).toEqual([]);
    emulator.reset();
    expect(emulator.snapshot()).toEqual(start);
    emulator.reset({ seed: 9 });
    expect(emulator.snapshot()).not.toEqual(start);
    emulator.reset({});
    expect(emulator.snapshot()).toEqual(start);
    emulator.reset({ dataset: 'empty', seed: 9 });
    const res = await emulator.fetch('/_emulator/reset', { method: 'POST' });
    expect(res.status).toBe(200);
    expect(emulator.snapshot()).toEqual(start);
  });

  test('seeds outside 0..2^32-1 are refused, not folded onto another seed', () => {
    expect(createEmulator({ seed: 0 }).snapshot().customers.length).toBe(33);
    expect(createEmulator({ seed: 4_294_967_295 }).snapshot().customers.length).toBe(33);
    for (const seed of [-1, 4_294_967_296, 4_294_967_297, 1.5, Number.NaN])
      expect(() => createEmulator({ seed }), String(seed)).toThrow(
        /seed must be an integer from 0 to 4294967295/,
      );
    const emulator = createEmulator({ seed: 2 });
    const before = emulator.snapshot();
    expect(() => emulator.reset({ seed: -1 })).toThrow(RangeError);
    expect(emulator.snapshot()).toEqual(before);
  });
});
