import { buildCustomer } from '@amberkit/testing';
import { afterAll, describe, expect, test, vi } from 'vitest';
import { atCustomer, KEYS, startApp } from '../test-support/harness.js';

// The expected dates are in Lisbon (UTC in winter, UTC+1 in summer).
const restoreTimeZone = await vi.hoisted(async () => {
  const { pinTimeZone } = await import('../test-support/time-zone.js');
  return pinTimeZone('Europe/Lisbon');
});
afterAll(restoreTimeZone);

describe('customer view', () => {
  test('shows every field: address, traits, dates in the local zone and unknown upstream fields', async () => {
    using app = startApp({ dataset: 'empty', initialView: atCustomer('cust-full') });
    app.emulator.load('tui-test-key', {
      customers: [
        buildCustomer({
          customerId: 'cust-full',
          customerName: 'Full Fields Ltd',
          customerEmail: 'ap@full.example',
          description: 'Has everything',
          lifecycleStage: 'ONBOARDING',
          test: true,
          createTime: Date.UTC(2025, 0, 15, 12),
          updateTime: Date.UTC(2025, 5, 1, 12),
          traits: { region: 'eu-west', tier: 'gold' },
          address: {
            line1: '1 Main St',
            city: 'Lisbon',
            country: 'PT',
            postalCode: '1000-001',
            verified: true,
          },
          salesforceId: 'sf-42',
        }),
      ],
    });
    const frame = await app.waitFor('Full Fields Ltd');
    for (const text of [
      'ap@full.example',
      'Has everything',
      'ONBOARDING',
      'Lisbon',
      '1 Main St',
      '1000-001',
      'PT',
      'region',
      'eu-west',
      'gold',
      'salesforceId',
      '"sf-42"',
    ]) {
      expect(frame).toContain(text);
    }
    expect(frame).toMatch(/Created\s+Jan 15, 2025/);
    expect(frame).toMatch(/Updated\s+Jun 1, 2025/);
    expect(frame).toMatch(/Test account\s+yes/);
  });

  test('y sends the id with OSC 52 and says so, without claiming it was copied', async () => {
    using app = startApp({ initialView: atCustomer('customer-123456') });
    await app.waitFor('Lifecycle stage');
    app.press('y');
    await app.waitFor(
      'Sent customer-123456 to the clipboard via OSC 52; if nothing arrived, select it on screen',
    );
    const osc = `\u001b]52;c;${Buffer.from('customer-123456').toString('base64')}\u0007`;
    expect(app.ui.frames.some((f) => f.includes(osc))).toBe(true);
  });

  test('a missing customer shows the server message, not a stack, and Esc goes back', async () => {
    using app = startApp({ initialView: atCustomer('no-such-customer') });
    const frame = await app.waitFor('✗');
    expect(frame).toContain('NOT_FOUND');
    expect(frame).toContain('HTTP 404');
    expect(frame).not.toMatch(/\bat .+:\d+:\d+/);
    app.press(KEYS.esc);
    await app.waitFor('33 of 33');
  });

  test('i, then Esc, comes back to the customer', async () => {
    using app = startApp({ initialView: atCustomer('customer-123456') });
    await app.waitFor('Lifecycle stage');
    app.press('i');
    await app.waitFor('Customers › customer-123456 › Invoices');
    app.press(KEYS.esc);
    const frame = await app.waitFor('Lifecycle stage');
    expect(frame).not.toContain('› Invoices');
  });
});
