import { format, fromApiAmount, type Money } from '@amberkit/core/money';
import type { Invoice } from '@amberkit/core/schemas';
import { displayWidth } from '../../model/display-width.js';
import { periodText } from '../../model/invoice-period.js';
import { invoiceTotals } from '../../model/invoice-totals.js';
import { safeText } from '../../model/safe-text.js';
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

/** One row, every cell as shown (server text escaped, see safeText), so it can be measured. */
export function toInvoiceRow(invoice: Invoice, index: number): InvoiceRow {
  const money = toMoney(invoice);
  const raw =
    invoice.totalAmount === undefined ? '—' : `${invoice.totalAmount} ${invoice.currency ?? '?'}`;
  return {
    key: `${index}:${invoice.invoiceId ?? ''}`,
    id: safeText(invoice.invoiceId ?? '—'),
    period: periodText(invoice, (date) => showDate(date)),
    amount: safeText(money ? format(money) : raw),
    status: safeText(invoice.status ?? '—'),
  };
}

/** The foot of the invoices table: exact totals per currency, VOID invoices apart. */
export type InvoiceFoot = {
  /** `Total excluding VOID:` then one item per currency (and a note on what was left out). */
  readonly total: readonly string[];
  /** `VOID, not in the total:` then one item per currency, when there are VOID invoices. */
  readonly voided?: readonly string[];
};

export const TOTAL_LABEL = 'Total excluding VOID:';
export const VOID_LABEL = 'VOID, not in the total:';

export function invoiceFoot(invoices: readonly Invoice[]): InvoiceFoot {
  const { counted, voided, uncounted } = invoiceTotals(invoices);
  const amounts = counted.length > 0 ? counted.map((m) => format(m)) : ['—'];
  const skipped = uncounted > 0 ? [`(${uncounted} without a known amount left out)`] : [];
  return {
    total: [...amounts, ...skipped],
    ...(voided.length > 0 ? { voided: voided.map((m) => format(m)) } : {}),
  };
}

/**
 * `label` and its items in lines at most `width` cells wide, as many items a line as fit,
 * joined by ` · `; later lines start under the first item (or two cells in, when that leaves
 * no room). An item is never cut: undefined when one cannot fit on a line of its own.
 * @example wrapItems('Total:', ['$1.00', '€2.00'], 14) // ['Total: $1.00', '       €2.00']
 */
export function wrapItems(
  label: string,
  items: readonly string[],
  width: number,
): string[] | undefined {
  const widest = Math.max(0, ...items.map(displayWidth));
  const underLabel = displayWidth(label) + 1;
  const indent = underLabel + widest <= width ? underLabel : 2;
  if (indent + widest > width || displayWidth(label) > width) return undefined;
  const lines: string[] = [];
  let line = '';
  let fresh = true;
  const newLine = (prefix: string) => {
    line = prefix;
    fresh = true;
  };
  if (indent === underLabel) newLine(`${label} `);
  else {
    lines.push(label);
    newLine(' '.repeat(indent));
  }
  for (const item of items) {
    if (!fresh && displayWidth(line) + 3 + displayWidth(item) > width) {
      lines.push(line);
      newLine(' '.repeat(indent));
    }
    line += fresh ? item : ` · ${item}`;
    fresh = false;
  }
  lines.push(line.trimEnd());
  return lines;
}
