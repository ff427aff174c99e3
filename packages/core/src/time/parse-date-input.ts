import { DateParseError } from './date-parse-error.js';
import { parseIsoParts, wallClockAsUtc } from './iso.js';
import { wallClockToInstant } from './zone.js';

/** Options for {@link parseDateInput}. */
export type ParseDateInputOptions = {
  /** IANA zone in which a bare `YYYY-MM-DD` means the start of that day. Default `'UTC'`. */
  timeZone?: string;
};

/**
 * Reads a date a person typed: `YYYY-MM-DD` (the start of that day — midnight, or the first
 * instant after a DST gap — in `timeZone`, default UTC) or a full
 * ISO 8601 date-time with `Z` or an offset. Surrounding spaces are ignored. Anything else —
 * junk, impossible dates like 2027-02-30, a time without a zone — throws
 * {@link DateParseError} with a message saying what to type.
 * @example parseDateInput('2027-01-01') // 2027-01-01T00:00:00.000Z
 */
export function parseDateInput(input: string, options: ParseDateInputOptions = {}): Date {
  const text = String(input).trim();
  if (text === '') throw new DateParseError('Enter a date as YYYY-MM-DD', text);
  const parts = parseIsoParts(text);
  if (parts.hasTime && parts.offsetMinutes === undefined) {
    throw new DateParseError(
      `"${text}" has a time but no time zone; add Z or an offset such as +02:00`,
      text,
    );
  }
  const wall = wallClockAsUtc(parts);
  const timeZone = options.timeZone ?? 'UTC';
  let ms: number;
  if (parts.offsetMinutes !== undefined) ms = wall - parts.offsetMinutes * 60_000;
  else if (timeZone === 'UTC') ms = wall;
  else {
    try {
      ms = wallClockToInstant(wall, timeZone);
    } catch {
      throw new DateParseError(`Unknown time zone "${timeZone}"`, text);
    }
  }
  const date = new Date(ms);
  if (Number.isNaN(date.getTime())) throw new DateParseError(`"${text}" is out of range`, text);
  return date;
}
