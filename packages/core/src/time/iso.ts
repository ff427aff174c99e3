import { DateParseError } from './date-parse-error.js';

/** The fields of a `YYYY-MM-DD[THH:mm[:ss[.fff…]]][Z|±HH:mm]` string, checked against the calendar. */
export type IsoParts = {
  year: number;
  month: number;
  day: number;
  /** Milliseconds since midnight (wall clock). */
  timeMs: number;
  hasTime: boolean;
  /** Offset from UTC in minutes, or undefined when the string has no zone. */
  offsetMinutes: number | undefined;
};

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(?:([Zz])|([+-])(\d{2}):?(\d{2}))?)?$/;

/** Parses an ISO 8601 / RFC 3339 date or date-time strictly (no `Date.parse` leniency). */
export function parseIsoParts(input: string): IsoParts {
  const m = ISO.exec(input);
  if (!m) {
    throw new DateParseError(
      `"${input}" is not a date; use YYYY-MM-DD or an ISO date-time like 2027-01-01T09:30:00Z`,
      input,
    );
  }
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', z, sign, oh, om] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const probe = new Date(utcMidnight(year, month, day));
  // The calendar rolls 2027-02-30 over to March; a real calendar date survives unchanged.
  if (month < 1 || month > 12 || probe.getUTCDate() !== day || probe.getUTCMonth() !== month - 1) {
    throw new DateParseError(`"${input}" is not a calendar date`, input);
  }
  const [hours, minutes, seconds] = [Number(h), Number(mi), Number(s)];
  if (hours > 23 || minutes > 59 || seconds > 59) {
    throw new DateParseError(`"${input}" has an impossible time of day`, input);
  }
  let offsetMinutes: number | undefined;
  if (z) offsetMinutes = 0;
  else if (sign) {
    const [ohN, omN] = [Number(oh), Number(om)];
    if (ohN > 23 || omN > 59)
      throw new DateParseError(`"${input}" has an impossible offset`, input);
    offsetMinutes = (sign === '-' ? -1 : 1) * (ohN * 60 + omN);
  }
  // Millisecond precision is all a Date holds; further digits are dropped, not rounded.
  const ms = Number(frac.slice(0, 3).padEnd(3, '0'));
  const timeMs = ((hours * 60 + minutes) * 60 + seconds) * 1000 + ms;
  return { year, month, day, timeMs, hasTime: m[4] !== undefined, offsetMinutes };
}

// Date.UTC maps years 0–99 to 1900–1999; setUTCFullYear does not.
/** Epoch ms of a calendar day's UTC midnight (`month` 1–12). */
export function utcMidnight(year: number, month: number, day: number): number {
  return new Date(0).setUTCFullYear(year, month - 1, day);
}

/** Epoch milliseconds of the parts' wall-clock time read as UTC (no offset applied). */
export const wallClockAsUtc = (p: IsoParts) => utcMidnight(p.year, p.month, p.day) + p.timeMs;
