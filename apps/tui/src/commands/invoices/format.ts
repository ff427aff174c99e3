import { format, type Money } from '@amberkit/core/money';
import type { Invoice } from '@amberkit/core/schemas';
import { periodText } from '../../model/invoice-period.js';
import { invoiceTotals } from '../../model/invoice-totals.js';
import { cell, showAmount, showDate } from '../format.js';
import { table } from '../output.js';

/**
 * The lines under the table: a total per currency without VOID invoices (cancelled, owed by
 * nobody), VOID sums apart so nobody mistakes them for money due, and what could not be summed.
 */
export function totalLines(invoices: readonly Invoice[]): string[] {
  const { counted, voided, uncounted } = invoiceTotals(invoices);
  const line = (label: string, note: string) => (m: Money) =>
    `${label} ${m.currency} (${note}): ${format(m)}`;
  return [
    ...counted.map(line('Total', 'excluding VOID')),
    ...voided.map(line('VOID', 'not in the total')),
    ...(uncounted > 0
      ? [`${uncounted} invoice(s) without an amount in a known currency, not in the total`]
      : []),
  ];
}

/** The invoices table (period as dates; the API gives seconds) and the totals per currency. */
export function invoiceTable(invoices: readonly Invoice[], width?: number): string[] {
  if (invoices.length === 0) return ['No invoices.'];
  const rows = invoices.map((invoice) => {
    return [
      cell(invoice.invoiceId),
      periodText(invoice, (date) => showDate(date)),
      showAmount(invoice.totalAmount, invoice.currency),
      cell(invoice.status),
    ];
  });
  // An amount and a status are never cut; on a narrow terminal the period, then the id, give way.
  const columns = [
    { title: 'INVOICE', shrink: 2, min: 8 },
    { title: 'PERIOD', shrink: 1, min: 12 },
    'AMOUNT',
    'STATUS',
  ];
  return [...table(columns, rows, width), ...totalLines(invoices)];
}
