import { format, fromApiAmount, type Money, sum } from '@amberkit/core/money';
import type { Invoice } from '@amberkit/core/schemas';
import { invoicePeriod } from '@amberkit/core/time';
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

/** Totals per currency, summed exactly as money (never as floats), in first-seen order. */
export function invoiceTotals(invoices: readonly Invoice[]): string[] {
  const byCurrency = new Map<string, Money[]>();
  for (const invoice of invoices) {
    const money = toMoney(invoice);
    if (money === undefined) continue;
    const list = byCurrency.get(money.currency) ?? [];
    list.push(money);
    byCurrency.set(money.currency, list);
  }
  return [...byCurrency].map(([currency, list]) => format(sum(list, currency)));
}
