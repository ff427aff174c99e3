import { afterAll, describe, expect, test, vi } from 'vitest';
import { API_KEY, atCustomer, KEYS, startApp } from '../test-support/harness.js';

// A typed day is midnight where the person is: Tokyo, 9 hours ahead of UTC.
const restoreTimeZone = await vi.hoisted(async () => {
  const { pinTimeZone } = await import('../test-support/time-zone.js');
  return pinTimeZone('Asia/Tokyo');
});
afterAll(restoreTimeZone);

type App = ReturnType<typeof startApp>;
const atPrepaid = atCustomer('customer-123456', { kind: 'prepaid', customerId: 'customer-123456' });

async function fill(app: App, amount: string, currency: string, expiration: string) {
  await app.waitFor('> Amount');
  app.press(amount);
  await app.waitFor(amount);
  app.press(KEYS.down);
  await app.waitFor('> Currency');
  for (let i = 0; i < 3; i++) app.press(KEYS.backspace);
  await app.waitFor('ISO code such as EUR');
  app.press(currency);
  await app.waitFor(`> Currency              ${currency}`);
  app.press(KEYS.down);
  await app.waitFor('> Expires on');
  if (expiration !== '') {
    app.press(expiration);
    await app.waitFor(expiration);
  }
  app.press(KEYS.down);
  await app.waitFor('> [ Review ]');
  app.press(KEYS.enter);
}

describe('prepaid order form', () => {
  test('an expiry in the past is refused at the field; there is nothing to confirm', async () => {
    using app = startApp({ initialView: atPrepaid });
    await fill(app, '25', 'USD', '2020-01-01');
    const frame = await app.waitFor(/✗ is in the past/);
    expect(frame).toMatch(/Expires on\s+2020-01-01\s*\n\s+✗ is in the past \(Jan 1, 2020/);
    expect(frame).not.toContain('Send this?');
    expect(app.emulator.snapshot(API_KEY).prepaidOrders).toEqual([]);
  });

  test('refuses an amount with too many decimals, an unknown currency and a bad date', async () => {
    using app = startApp({ initialView: atPrepaid });
    await fill(app, '10.001', 'USD', '2027-13-45');
    let frame = await app.waitFor(/Amount\s+10\.001\s*\n\s+✗ .+/);
    expect(frame).toMatch(/Expires on\s+2027-13-45\s*\n\s+✗ .+/);
    expect(app.emulator.requests().some((r) => r.method === 'POST')).toBe(false);

    using other = startApp({ initialView: atPrepaid });
    await fill(other, '10', 'ABC', '');
    frame = await other.waitFor(/Currency\s+ABC\s*\n\s+✗ unknown currency/);
    expect(frame).toContain('Prepaid order for customer-123456');
  });

  test('shows a summary, n goes back with values kept, y sends the order', async () => {
    using app = startApp({ initialView: atPrepaid });
    await fill(app, '1,250.5', 'EUR', '2097-01-31');
    let frame = await app.waitFor('Send this?');
    expect(frame).toMatch(/Amount\s+€1,250\.50/);
    expect(frame).toMatch(/Expires\s+Jan 31, 2097/);
    expect(frame).toMatch(/Customer\s+customer-123456/);
    app.press('n');
    frame = await app.waitFor('> [ Review ]');
    expect(frame).toMatch(/Amount\s+1,250\.5/);
    app.press(KEYS.enter);
    await app.waitFor('Send this?');
    app.press('y');
    frame = await app.waitFor('Prepaid order');
    await app.waitFor('created for customer-123456');
    const orders = app.emulator.snapshot(API_KEY).prepaidOrders;
    expect(orders).toHaveLength(1);
    expect(orders[0]).toMatchObject({
      customerId: 'customer-123456',
      amount: 1250.5,
      currency: 'EUR',
    });
    // Midnight in Tokyo, 9 hours before midnight UTC.
    expect(orders[0]?.expirationTime).toBe(Date.UTC(2097, 0, 30, 15));
  });

  test('a failed send returns to the form with every value and the server message', async () => {
    using app = startApp({ initialView: atPrepaid });
    app.emulator.setFaults([
      { method: 'POST', path: '/payments-pricing-amberflo-customer-prepaid', status: 500 },
    ]);
    await fill(app, '99', 'USD', '');
    await app.waitFor('Send this?');
    app.press('y');
    const frame = await app.waitFor('HTTP 500');
    expect(frame).toMatch(/Amount\s+99/);
    expect(frame).toContain('> [ Review ]');
    // The server's own words, whole (wrapped, not cut at the edge), right under the form.
    expect(frame.replace(/\s+/g, ' ')).toContain(
      "Injected fault: 500 from the emulator's fault rules",
    );
    const lines = frame.split('\n');
    const review = lines.findIndex((line) => line.includes('[ Review ]'));
    expect(lines[review + 1]).toMatch(/^✗ POST /);
    expect(app.emulator.snapshot(API_KEY).prepaidOrders).toHaveLength(0);
  });
});
