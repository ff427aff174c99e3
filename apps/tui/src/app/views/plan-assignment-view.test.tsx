import { afterAll, describe, expect, test, vi } from 'vitest';
import { API_KEY, atCustomer, KEYS, startApp } from '../test-support/harness.js';

// A typed day is midnight where the person is: Tokyo, 9 hours ahead of UTC.
const restoreTimeZone = await vi.hoisted(async () => {
  const { pinTimeZone } = await import('../test-support/time-zone.js');
  return pinTimeZone('Asia/Tokyo');
});
afterAll(restoreTimeZone);

const atPlan = atCustomer('customer-123456', { kind: 'plan', customerId: 'customer-123456' });

describe('plan assignment form', () => {
  test('needs a plan id', async () => {
    using app = startApp({ initialView: atPlan });
    await app.waitFor('> Plan (product id)');
    app.press(KEYS.down);
    app.press(KEYS.down);
    await app.waitFor('> [ Review ]');
    app.press(KEYS.enter);
    await app.waitFor(/Plan \(product id\)\s*\n\s+✗ is required/);
    expect(app.emulator.requests().some((r) => r.method === 'POST')).toBe(false);
  });

  test('assigns a plan from a start date after the confirm step', async () => {
    using app = startApp({ initialView: atPlan });
    await app.waitFor('> Plan (product id)');
    app.press('plan-gold');
    await app.waitFor('plan-gold');
    app.press(KEYS.down);
    await app.waitFor('> Starts on');
    app.press('2027-03-01');
    await app.waitFor('2027-03-01');
    app.press(KEYS.down);
    await app.waitFor('> [ Review ]');
    app.press(KEYS.enter);
    const frame = await app.waitFor('Send this?');
    expect(frame).toMatch(/Plan\s+plan-gold/);
    expect(frame).toMatch(/Starts\s+Mar 1, 2027/);
    app.press('y');
    await app.waitFor('Plan plan-gold assigned to customer-123456');
    const [assignment] = app.emulator.snapshot(API_KEY).planAssignments;
    expect(assignment).toMatchObject({ customerId: 'customer-123456', productId: 'plan-gold' });
    // Midnight in Tokyo, 9 hours before midnight UTC.
    expect(assignment?.startTime).toBe(Date.UTC(2027, 1, 28, 15));
  });
});
