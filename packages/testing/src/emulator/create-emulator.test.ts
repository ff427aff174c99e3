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
