import { add, format, fromApiAmount, isKnownCurrency, type Money } from '@amberkit/core/money';
import type { Invoice } from '@amberkit/core/schemas';
import { invoicePeriod } from '@amberkit/core/time';
import { cell, showAmount, showDate, tryDates } from '../format.js';
import { table } from '../output.js';

/** Exact totals per currency (bigint arithmetic, never float sums), in first-seen order. */
export function totalsByCurrency(invoices: readonly Invoice[]): Money[] {
  const totals = new Map<string, Money>();
  for (const invoice of invoices) {
    const { totalAmount, currency } = invoice;
    if (totalAmount === undefined || currency === undefined || !isKnownCurrency(currency)) continue;
    const amount = fromApiAmount(totalAmount, currency);
    const previous = totals.get(currency);
    totals.set(currency, previous === undefined ? amount : add(previous, amount));
  }
  return [...totals.values()];
}

/** The invoices table (period as dates; the API gives seconds) and a total per currency. */
export function invoiceTable(invoices: readonly Invoice[]): string[] {
  if (invoices.length === 0) return ['No invoices.'];
  const rows = invoices.map((invoice) => {
    const { start, end } = tryDates(() => invoicePeriod(invoice), {});
    return [
      cell(invoice.invoiceId),
      `${showDate(start)} – ${showDate(end)}`,
      showAmount(invoice.totalAmount, invoice.currency),
      cell(invoice.status),
    ];
  });
  const totals = totalsByCurrency(invoices).map((m) => `Total ${m.currency}: ${format(m)}`);
  return [...table(['INVOICE', 'PERIOD', 'AMOUNT', 'STATUS'], rows), ...totals];
}
