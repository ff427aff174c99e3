import { CURRENCY_CODES } from '@amberkit/core/money';
import { type ErrorIssue, Invoice } from '@amberkit/core/schemas';
import * as z from 'zod/mini';
import type { Account } from '../account.js';
import { HttpProblem } from '../problem.js';
import { unixSeconds } from '../time-fields.js';

const CURRENCIES = new Set(CURRENCY_CODES);

const PartialInvoice = z.extend(Invoice, {
  // An empty id could be stored but never told apart in a list or a test's assertion.
  invoiceId: z.optional(z.string().check(z.minLength(1, 'must not be empty'))),
  startTime: z.optional(unixSeconds()),
  endTime: z.optional(unixSeconds()),
  currency: z.optional(
    z
      .string()
      .check(z.refine((code) => CURRENCIES.has(code), 'must be an ISO 4217 code such as USD')),
  ),
});

/** The body of `POST /_emulator/invoices`. */
export const AddInvoicesBody = z.strictObject({
  customerId: z.string().check(z.minLength(1)),
  invoices: z.array(PartialInvoice).check(z.maxLength(10_000)),
});
export type AddInvoicesBody = z.output<typeof AddInvoicesBody>;

const MONTH_SECONDS = 30 * 86_400;
const UnixSeconds = unixSeconds();

/**
 * Completes partial invoices with defaults (an id, a 30-day period ending now, 0, USD, DRAFT)
 * and checks them against each other and the account; any problem refuses the whole batch,
 * so a 400 never leaves half of it stored.
 */
export function completeInvoices(
  body: AddInvoicesBody,
  account: Account,
  nowSeconds: number,
  nextId: () => string,
): Invoice[] {
  const issues: ErrorIssue[] = [];
  const conflicts: ErrorIssue[] = [];
  const seen = new Set<string>();
  const invoices = body.invoices.map((partial, i) => {
    const { invoiceId, customerId, startTime, endTime, totalAmount, currency, status, ...extra } =
      partial;
    const end = endTime ?? (startTime === undefined ? nowSeconds : startTime + MONTH_SECONDS);
    const start = startTime ?? end - MONTH_SECONDS;
    // A default derived from a time near either end of the range can leave it: refused, so
    // every stored invoice passes StrictInvoice.
    if (endTime === undefined && !UnixSeconds.safeParse(end).success)
      issues.push({
        path: `invoices.${i}.endTime`,
        message: `defaults to startTime + 30 days (${end}), which is after 2199; send endTime`,
      });
    if (startTime === undefined && !UnixSeconds.safeParse(start).success)
      issues.push({
        path: `invoices.${i}.startTime`,
        message: `defaults to endTime - 30 days (${start}), which is before 2000; send startTime`,
      });
    const id = invoiceId ?? nextId();
    if (customerId !== undefined && customerId !== body.customerId)
      issues.push({ path: `invoices.${i}.customerId`, message: 'must match the body customerId' });
    if (end < start)
      issues.push({ path: `invoices.${i}.endTime`, message: 'must not be before startTime' });
    if (account.hasInvoice(id) || seen.has(id))
      conflicts.push({ path: `invoices.${i}.invoiceId`, message: `${id} already exists` });
    seen.add(id);
    return {
      invoiceId: id,
      customerId: body.customerId,
      startTime: start,
      endTime: end,
      totalAmount: totalAmount ?? 0,
      currency: currency ?? 'USD',
      status: status ?? 'DRAFT',
      ...extra,
    } satisfies Invoice;
  });
  if (issues.length > 0) {
    const message = summarize(issues.map((issue) => `${issue.path}: ${issue.message}`));
    throw new HttpProblem(400, 'VALIDATION_FAILED', `Invalid request body: ${message}`, issues);
  }
  if (conflicts.length > 0) {
    const message = summarize(conflicts.map((issue) => issue.message));
    throw new HttpProblem(400, 'CONFLICT', `Invoice ${message}`, conflicts);
  }
  return invoices;
}

/** A batch may hold 10,000 invoices: the message names the first few, `issues` has them all. */
function summarize(parts: string[]): string {
  const shown = parts.slice(0, 3).join('; ');
  return parts.length > 3 ? `${shown}; and ${parts.length - 3} more` : shown;
}
