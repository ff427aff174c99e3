import { DateParseError } from './date-parse-error.js';
import { parseIsoParts, wallClockAsUtc } from './iso.js';
import { millisToSeconds, secondsToMillis, type UnixMillis, type UnixSeconds } from './units.js';

/** The Date at a Unix-milliseconds instant. */
export function millisToDate(ms: UnixMillis): Date {
  return new Date(ms);
}

/** The Date at a Unix-seconds instant. */
export function secondsToDate(s: UnixSeconds): Date {
  return new Date(secondsToMillis(s));
}

/** A Date's instant in Unix milliseconds. Throws a RangeError for an Invalid Date. */
export function dateToMillis(d: Date): UnixMillis {
  const t = d instanceof Date ? d.getTime() : Number.NaN;
  if (Number.isNaN(t)) throw new RangeError('date is not a valid Date');
  return t as UnixMillis;
}

/** A Date's instant in Unix seconds (sub-second part dropped). Throws for an Invalid Date. */
export function dateToSeconds(d: Date): UnixSeconds {
  return millisToSeconds(dateToMillis(d));
}

/** `2024-06-12T00:54:05.993Z` for a Unix-milliseconds instant (always UTC). */
export function toIsoString(ms: UnixMillis): string {
  return new Date(ms).toISOString();
}

/**
 * Reads an ISO 8601 date-time **with a zone** (`Z` or `±HH:mm`) as Unix milliseconds.
 * A string without a zone is refused rather than read in some local time zone.
 * Throws {@link DateParseError}.
 * @example fromIsoString('2024-06-12T09:54:05.993+09:00') // 1718153645993
 */
export function fromIsoString(iso: string): UnixMillis {
  const parts = parseIsoParts(iso);
  if (!parts.hasTime || parts.offsetMinutes === undefined) {
    throw new DateParseError(
      `"${iso}" has no time zone; add Z or an offset such as +02:00 (e.g. 2027-01-01T00:00:00Z)`,
      iso,
    );
  }
  return (wallClockAsUtc(parts) - parts.offsetMinutes * 60_000) as UnixMillis;
}
