import { toDecimalString } from '@amberkit/core/money';
import type { Invoice } from '@amberkit/core/schemas';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { invoiceTotals } from './invoice-totals.js';

const STATUSES = ['PAID', 'PENDING', 'DRAFT', 'VOID'] as const;

describe('invoiceTotals', () => {
  test('VOID invoices are summed apart; every other status counts, per currency', () => {
    const invoices: Invoice[] = [
      { invoiceId: 'a', totalAmount: 10, currency: 'USD', status: 'PAID' },
      { invoiceId: 'b', totalAmount: 2.5, currency: 'USD', status: 'VOID' },
      { invoiceId: 'c', totalAmount: 7, currency: 'EUR', status: 'DRAFT' },
      { invoiceId: 'd', totalAmount: 1, currency: 'XXQ', status: 'PAID' },
      { invoiceId: 'e', currency: 'USD', status: 'PAID' },
    ];
    const totals = invoiceTotals(invoices);
    expect(totals.counted.map((m) => `${toDecimalString(m)} ${m.currency}`)).toEqual([
      '10.00 USD',
      '7.00 EUR',
    ]);
    expect(totals.voided.map((m) => `${toDecimalString(m)} ${m.currency}`)).toEqual(['2.50 USD']);
    expect(totals.uncounted).toBe(2);
  });

  test('sums exactly: whole cents in, the same cents out, whatever the float error', () => {
    const invoice = fc.record({
      cents: fc.integer({ min: 0, max: 10_000_000 }),
      status: fc.constantFrom(...STATUSES),
    });
    fc.assert(
      fc.property(fc.array(invoice, { maxLength: 60 }), (items) => {
        const totals = invoiceTotals(
          items.map(({ cents, status }) => ({ totalAmount: cents / 100, currency: 'USD', status })),
        );
        const expected = (voided: boolean) =>
          items
            .filter((item) => (item.status === 'VOID') === voided)
            .reduce((total, item) => total + BigInt(item.cents), 0n);
        const cents = (list: typeof totals.counted) => list[0]?.amount ?? 0n;
        expect(cents(totals.counted)).toBe(expected(false));
        expect(cents(totals.voided)).toBe(expected(true));
      }),
    );
  });
});
