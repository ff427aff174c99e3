import { secondsToDate } from './dates.js';
import { asMillis, asSeconds } from './units.js';

/** The invoice fields {@link invoicePeriod} reads (Unix **seconds**, per the spec). */
export type InvoiceTimes = { startTime?: number | undefined; endTime?: number | undefined };
/** The customer fields {@link customerTimes} reads (Unix **milliseconds**, per the spec). */
export type CustomerTimestamps = {
  createTime?: number | undefined;
  updateTime?: number | undefined;
  deleteTime?: number | undefined;
  deactivateTimeStamp?: number | undefined;
};

// 0 is read as "not set", as APIs often write it for a time that has not happened (a
// customer never deleted): left out, like a missing field, rather than thrown on or dated 1970.
const fromSeconds = (n: number | undefined, label: string) =>
  n === undefined || n === 0 ? undefined : secondsToDate(asSeconds(n, label));
const fromMillis = (n: number | undefined, label: string) =>
  n === undefined || n === 0 ? undefined : new Date(asMillis(n, label));

/**
 * An invoice's period as Dates. `startTime`/`endTime` are Unix seconds (0 or missing: left
 * out); a value that looks like milliseconds throws {@link TimeUnitError} naming the field instead of dating the
 * invoice tens of thousands of years ahead.
 */
export function invoicePeriod(invoice: InvoiceTimes): { start?: Date; end?: Date } {
  const start = fromSeconds(invoice.startTime, 'invoice.startTime');
  const end = fromSeconds(invoice.endTime, 'invoice.endTime');
  return { ...(start && { start }), ...(end && { end }) };
}

/**
 * A customer's timestamps as Dates. They are Unix milliseconds (0 or missing: left out); a
 * value that looks like seconds throws {@link TimeUnitError} naming the field instead of dating it to 1970.
 */
export function customerTimes(customer: CustomerTimestamps): {
  created?: Date;
  updated?: Date;
  deleted?: Date;
  deactivated?: Date;
} {
  const created = fromMillis(customer.createTime, 'customer.createTime');
  const updated = fromMillis(customer.updateTime, 'customer.updateTime');
  const deleted = fromMillis(customer.deleteTime, 'customer.deleteTime');
  const deactivated = fromMillis(customer.deactivateTimeStamp, 'customer.deactivateTimeStamp');
  return {
    ...(created && { created }),
    ...(updated && { updated }),
    ...(deleted && { deleted }),
    ...(deactivated && { deactivated }),
  };
}
