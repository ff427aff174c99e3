import { format, fromApiAmount, isKnownCurrency } from '@amberkit/core/money';
import { formatDate } from '@amberkit/core/time';

/** The zone of the machine (TZ honoured): dates are read and shown as a person there means them. */
export const localZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** A date (optionally with the time) in the local zone; `-` when absent or unreadable. */
export function showDate(value: Date | undefined, withTime = false): string {
  if (value === undefined || Number.isNaN(value.getTime())) return '-';
  return formatDate(value, { timeZone: localZone(), withTime });
}

/**
 * Runs a time helper that may refuse a value in the wrong unit (core's guards throw
 * TimeUnitError), showing the raw number instead of failing the whole listing.
 */
export function tryDates<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch {
    return fallback;
  }
}

/** An API amount in its currency through core's money helpers (exact, all digits kept). */
export function showAmount(amount: number | undefined, currency: string | undefined): string {
  if (amount === undefined) return '-';
  if (currency === undefined || !isKnownCurrency(currency))
    return `${amount} ${currency ?? ''}`.trim();
  return format(fromApiAmount(amount, currency));
}

/** A cell value: missing becomes `-`, so columns stay aligned. */
export const cell = (value: string | number | boolean | undefined | null): string =>
  value === undefined || value === null || value === '' ? '-' : String(value);
