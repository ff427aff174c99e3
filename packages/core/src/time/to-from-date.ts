import { dateToMillis, dateToSeconds, millisToDate, secondsToDate } from './dates.js';
import { asMillis, asSeconds, type UnixMillis, type UnixSeconds } from './units.js';

/** The two units the API mixes: customers carry milliseconds, invoices seconds. */
export type TimeUnit = 'ms' | 's';

/**
 * The Date at an instant given with its unit named. The number is checked against that unit
 * ({@link asMillis} / {@link asSeconds}), so a seconds value passed as `'ms'` throws a
 * `TimeUnitError` instead of landing in January 1970.
 * @example toDate(invoice.startTime, 's')
 */
export function toDate(value: number, unit: TimeUnit): Date {
  return checkUnit(unit) === 'ms' ? millisToDate(asMillis(value)) : secondsToDate(asSeconds(value));
}

/** A unit from JavaScript (no types to stop `'seconds'`) is one of the two, or a TypeError. */
function checkUnit(unit: unknown): TimeUnit {
  if (unit === 'ms' || unit === 's') return unit;
  throw new TypeError(`unit must be 'ms' or 's', got ${JSON.stringify(unit)}`);
}

/**
 * A Date as a Unix timestamp in the unit the API field wants.
 * @example fromDate(new Date('2027-01-01T00:00:00Z'), 'ms') // 1798761600000
 */
export function fromDate(date: Date, unit: 'ms'): UnixMillis;
export function fromDate(date: Date, unit: 's'): UnixSeconds;
export function fromDate(date: Date, unit: TimeUnit): UnixMillis | UnixSeconds;
export function fromDate(date: Date, unit: TimeUnit): UnixMillis | UnixSeconds {
  return checkUnit(unit) === 'ms' ? dateToMillis(date) : dateToSeconds(date);
}
