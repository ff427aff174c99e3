export type { CustomerTimestamps, InvoiceTimes } from './billing-times.js';
export { customerTimes, invoicePeriod } from './billing-times.js';
export { DateParseError } from './date-parse-error.js';
export {
  dateToMillis,
  dateToSeconds,
  fromIsoString,
  millisToDate,
  secondsToDate,
  toIsoString,
} from './dates.js';
export type { FormatDateOptions } from './format-date.js';
export { formatDate } from './format-date.js';
export type { ParseDateInputOptions } from './parse-date-input.js';
export { parseDateInput } from './parse-date-input.js';
export type { TimeUnit } from './to-from-date.js';
export { fromDate, toDate } from './to-from-date.js';
export type { UnixMillis, UnixSeconds } from './units.js';
export {
  asMillis,
  asSeconds,
  millisToSeconds,
  PLAUSIBLE_MILLIS,
  PLAUSIBLE_SECONDS,
  secondsToMillis,
  TimeUnitError,
} from './units.js';
