import { format, fromApiAmount, type Money } from '@amberkit/core/money';
import type { Invoice } from '@amberkit/core/schemas';
import { invoicePeriod } from '@amberkit/core/time';
import { invoiceTotals } from '../../model/invoice-totals.js';
import { showDate } from './dates.js';

export type InvoiceRow = {
  /** Unique within a list even when ids are missing. */
  readonly key: string;
  readonly id: string;
  readonly period: string;
  readonly amount: string;
  readonly status: string;
};

function toMoney(invoice: Invoice): Money | undefined {
  if (invoice.totalAmount === undefined || invoice.currency === undefined) return undefined;
  try {
    return fromApiAmount(invoice.totalAmount, invoice.currency);
  } catch {
    // An unknown currency code: shown as sent, left out of the totals.
    return undefined;
  }
}

export function toInvoiceRow(invoice: Invoice, index: number): InvoiceRow {
  let period: string;
  try {
    const { start, end } = invoicePeriod(invoice);
    period = `${start ? showDate(start) : '?'} – ${end ? showDate(end) : '?'}`;
  } catch (error) {
    // A period in the wrong unit is reported, not shown as a nonsense date.
    period = error instanceof Error ? error.message : String(error);
  }
  const money = toMoney(invoice);
  const raw =
    invoice.totalAmount === undefined ? '—' : `${invoice.totalAmount} ${invoice.currency ?? '?'}`;
  return {
    key: `${index}:${invoice.invoiceId ?? ''}`,
    id: invoice.invoiceId ?? '—',
    period,
    amount: money ? format(money) : raw,
    status: invoice.status ?? '—',
  };
}

/** The foot of the invoices table: exact totals per currency, VOID invoices apart. */
export type InvoiceFoot = {
  /** `Total excluding VOID: $0.30 · ¥1,500`. */
  readonly total: string;
  /** `VOID, not in the total: ¥1,500`, when there are VOID invoices. */
  readonly voided?: string;
};

export function invoiceFoot(invoices: readonly Invoice[]): InvoiceFoot {
  const { counted, voided, uncounted } = invoiceTotals(invoices);
  const amounts = counted.length > 0 ? counted.map((m) => format(m)).join(' · ') : '—';
  const skipped = uncounted > 0 ? ` (${uncounted} without a known amount left out)` : '';
  return {
    total: `Total excluding VOID: ${amounts}${skipped}`,
    ...(voided.length > 0
      ? { voided: `VOID, not in the total: ${voided.map((m) => format(m)).join(' · ')}` }
      : {}),
  };
}
