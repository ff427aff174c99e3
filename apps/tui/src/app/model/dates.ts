import { formatDate, parseDateInput } from '@amberkit/core/time';
import { plausibleTimeProblem } from '../../model/plausible-time.js';

/** The user's zone: the UI shows and reads dates as the person at the terminal means them. */
export const LOCAL_TIME_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

const shown = new Map<string, string>();

/**
 * A date in the local zone. Memoised: core's formatDate builds an Intl formatter per call,
 * which would otherwise be paid on every re-render of a table row.
 */
export function showDate(date: Date | undefined, withTime = false): string {
  if (date === undefined) return '—';
  const key = `${date.getTime()}:${withTime}`;
  let text = shown.get(key);
  if (text === undefined) {
    text = formatDate(date, { timeZone: LOCAL_TIME_ZONE, withTime });
    if (shown.size >= 5000) shown.clear();
    shown.set(key, text);
  }
  return text;
}

/** A typed `YYYY-MM-DD` is midnight in the local zone; a full ISO string keeps its offset. */
export function readDate(input: string): Date {
  return parseDateInput(input, { timeZone: LOCAL_TIME_ZONE });
}

/**
 * A date the API can take: from 2000-01-01 00:00 UTC up to (not including) 2200, core's
 * plausible range. A year typed wrong (`1970`, `9999`) is named here, at the field, rather
 * than sent and refused; the message gives the bound in UTC ({@link plausibleTimeProblem}).
 */
export function checkPlausibleDate(date: Date): void {
  const problem = plausibleTimeProblem(date.getTime());
  if (problem !== undefined) throw new Error(problem);
}
