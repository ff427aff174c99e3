import { buildCustomer } from '@amberkit/testing';
import { afterAll, describe, expect, test, vi } from 'vitest';
import { API_KEY, startApp } from '../test-support/harness.js';

// Dates show in the local zone: New York, where a period starting at midnight UTC starts the day before.
const restoreTimeZone = await vi.hoisted(async () => {
  const { pinTimeZone } = await import('../test-support/time-zone.js');
  return pinTimeZone('America/New_York');
});
afterAll(restoreTimeZone);

const invoicesOf = (customerId: string) => ({ kind: 'invoices', customerId }) as const;

describe('invoices view', () => {
  test('shows period dates, amounts in their currency, status, and exact totals per currency', async () => {
    using app = startApp({ dataset: 'empty', initialView: invoicesOf('cust-inv') });
    app.emulator.load(API_KEY, {
      customers: [buildCustomer({ customerId: 'cust-inv', customerName: 'Inv Co' })],
      invoices: [
        {
          invoiceId: 'inv-a',
          customerId: 'cust-inv',
          startTime: 1_735_689_600,
          endTime: 1_738_368_000,
          totalAmount: 0.1,
          currency: 'USD',
          status: 'PAID',
        },
        {
          invoiceId: 'inv-b',
          customerId: 'cust-inv',
          startTime: 1_738_368_000,
          endTime: 1_740_787_200,
          totalAmount: 0.2,
          currency: 'USD',
          status: 'PENDING',
        },
        {
          invoiceId: 'inv-c',
          customerId: 'cust-inv',
          startTime: 1_738_368_000,
          endTime: 1_740_787_200,
          totalAmount: 1500,
          currency: 'JPY',
          status: 'VOID',
        },
        {
          invoiceId: 'inv-d',
          customerId: 'cust-inv',
          startTime: 1_738_368_000,
          endTime: 1_740_787_200,
          totalAmount: 12.345,
          currency: 'KWD',
          status: 'DRAFT',
        },
      ],
    });
    const frame = await app.waitFor('Total excluding VOID');
    // Midnight UTC on Jan 1 is 7 pm on Dec 31 in New York: a UTC formatter would say Jan 1.
    expect(frame).toMatch(/inv-a\s+Dec 31, 2024 – Jan 31, 2025\s+\$0\.10\s+PAID/);
    expect(frame).toMatch(/inv-b\s+Jan 31, 2025 – Feb 28, 2025\s+\$0\.20\s+PENDING/);
    expect(frame).toMatch(/inv-c.+¥1,500\s+VOID/);
    expect(frame).toMatch(/inv-d.+KWD\s*12\.345\s+DRAFT/);
    // 0.1 + 0.2 as floats is 0.30000000000000004; money sums exactly. The VOID invoice was
    // cancelled: it is not money due, so it stays out of the total and is shown apart.
    expect(frame).toMatch(/Total excluding VOID: \$0\.30 · KWD\s*12\.345\n/);
    expect(frame).toMatch(/VOID, not in the total: ¥1,500\n/);
  });

  test('a customer without invoices gets an explicit empty state', async () => {
    using app = startApp({ dataset: 'empty', initialView: invoicesOf('nobody') });
    await app.waitFor('No invoices for nobody.');
  });

  test('a failing request shows the server message in place', async () => {
    using app = startApp({ initialView: invoicesOf('customer-123456') });
    app.emulator.setFaults([{ path: '/payments-billing-customer-product-invoice', status: 503 }]);
    const frame = await app.waitFor('HTTP 503');
    expect(frame).toContain('Press r to try again.');
    app.emulator.setFaults([]);
    app.press('r');
    await app.waitFor('inv-500123');
  });

  test('a period bound of 0 or in milliseconds is ?, never the time guard’s message', async () => {
    using app = startApp({ dataset: 'empty', initialView: invoicesOf('cust-odd') });
    app.emulator.load(API_KEY, {
      customers: [buildCustomer({ customerId: 'cust-odd' })],
      invoices: [
        { invoiceId: 'inv-zero', customerId: 'cust-odd', startTime: 0, endTime: 1_738_368_000 },
        { invoiceId: 'inv-ms', customerId: 'cust-odd', startTime: 1_735_689_600_000 },
      ],
    });
    const frame = await app.waitFor('inv-ms');
    expect(frame).toMatch(/inv-zero +\? – Jan 31, 2025/);
    expect(frame).toMatch(/inv-ms +\? – \? /);
    expect(frame).not.toMatch(/startTime|Unix/);
  });
});
