import { add, fromApiAmount, isKnownCurrency, type Money } from '@amberkit/core/money';
import type { Invoice } from '@amberkit/core/schemas';

/**
 * An account's invoices summed per currency, exactly (bigint money, never float sums), in
 * first-seen currency order. VOID invoices were cancelled and are owed by nobody, so a
 * finance reader expects them out of the total: they are summed apart, for reference.
 */
export type InvoiceTotals = {
  /** Every invoice but the VOID ones (PAID, PENDING, DRAFT, and any other status). */
  readonly counted: readonly Money[];
  /** VOID invoices, not part of `counted`. */
  readonly voided: readonly Money[];
  /** Invoices in neither sum: no amount, no currency, or a currency core does not know. */
  readonly uncounted: number;
};

function addTo(totals: Map<string, Money>, amount: Money): void {
  const previous = totals.get(amount.currency);
  totals.set(amount.currency, previous === undefined ? amount : add(previous, amount));
}

/** Sums invoices per currency, keeping VOID ones apart (see {@link InvoiceTotals}). */
export function invoiceTotals(invoices: readonly Invoice[]): InvoiceTotals {
  const counted = new Map<string, Money>();
  const voided = new Map<string, Money>();
  let uncounted = 0;
  for (const { totalAmount, currency, status } of invoices) {
    if (totalAmount === undefined || currency === undefined || !isKnownCurrency(currency)) {
      uncounted++;
      continue;
    }
    addTo(status === 'VOID' ? voided : counted, fromApiAmount(totalAmount, currency));
  }
  return { counted: [...counted.values()], voided: [...voided.values()], uncounted };
}
