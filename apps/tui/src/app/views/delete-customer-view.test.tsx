import { describe, expect, test } from 'vitest';
import { API_KEY, atCustomer, KEYS, startApp } from '../test-support/harness.js';

const atAcme = atCustomer('customer-123456');
const hasAcme = (app: ReturnType<typeof startApp>) =>
  app.emulator
    .snapshot(API_KEY)
    .customers.some((c) => c.customerId === 'customer-123456' && c.deleteTime === undefined);

describe('delete customer', () => {
  test('a wrong id deletes nothing; the right id deletes and returns to the list', async () => {
    using app = startApp({ initialView: atAcme });
    await app.waitFor('Lifecycle stage');
    app.press('d');
    const prompt = await app.waitFor('Type the customer id to confirm');
    // The hint must not read as the id already typed (without colour it is not dimmed).
    expect(prompt).toContain('> type customer-123456');
    expect(prompt).not.toMatch(/^> customer-123456/m);
    app.press('customer-12345');
    await app.waitFor('> customer-12345');
    app.press(KEYS.enter);
    await app.waitFor('That is not “customer-123456”; nothing was deleted.');
    expect(app.emulator.requests().some((r) => r.method === 'DELETE')).toBe(false);
    app.press('6');
    await app.waitFor('> customer-123456');
    app.press(KEYS.enter);
    const frame = await app.waitFor('Deleted customer-123456');
    expect(frame).toContain('Customers');
    expect(frame).not.toContain('› customer-123456');
    expect(hasAcme(app)).toBe(false);
  });

  test('Esc cancels without deleting', async () => {
    using app = startApp({ initialView: atAcme });
    await app.waitFor('Lifecycle stage');
    app.press('d');
    await app.waitFor('Type the customer id to confirm');
    app.press(KEYS.esc);
    await app.waitFor('Lifecycle stage');
    expect(hasAcme(app)).toBe(true);
  });

  test('a server failure is shown and the customer stays', async () => {
    using app = startApp({ initialView: atAcme });
    await app.waitFor('Lifecycle stage');
    app.emulator.setFaults([{ method: 'DELETE', path: '/customers', status: 500 }]);
    app.press('d');
    await app.waitFor('Type the customer id to confirm');
    app.press('customer-123456');
    await app.waitFor('> customer-123456');
    app.press(KEYS.enter);
    const frame = await app.waitFor('HTTP 500');
    expect(frame).toContain('✗');
    expect(hasAcme(app)).toBe(true);
  });
});
