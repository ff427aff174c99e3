import { displayWidth, sliceColumns } from '../../model/display-width.js';
import { CancelledError } from '../hooks/use-request.js';
import { LOCAL_TIME_ZONE } from './dates.js';
import { describeError } from './describe-error.js';

/**
 * The line over data whose refresh failed: what went wrong, how old the data is (`since`, and
 * `sinceShort` without the seconds or the time of an older day), and how to retry.
 */
export type StaleNotice = {
  readonly problem: string;
  readonly since: string;
  readonly sinceShort: string;
};

export const RETRY_HINT = 'r retry';
const SEPARATOR = ' · ';
// Less room than this for the problem and it is left out: `! Ref…` says nothing.
const MIN_PROBLEM_COLUMNS = 8;

const time = (withSeconds: boolean) =>
  new Intl.DateTimeFormat('en-US', {
    timeZone: LOCAL_TIME_ZONE,
    hour: '2-digit',
    minute: '2-digit',
    ...(withSeconds ? { second: '2-digit' } : {}),
    hourCycle: 'h23',
  });
const clock = time(true);
const clockShort = time(false);
const monthDay = new Intl.DateTimeFormat('en-US', {
  timeZone: LOCAL_TIME_ZONE,
  month: 'short',
  day: 'numeric',
});
const monthDayYear = new Intl.DateTimeFormat('en-US', {
  timeZone: LOCAL_TIME_ZONE,
  month: 'short',
  day: 'numeric',
  year: 'numeric',
});
const day = new Intl.DateTimeFormat('en-CA', { timeZone: LOCAL_TIME_ZONE });
const year = new Intl.DateTimeFormat('en-CA', { timeZone: LOCAL_TIME_ZONE, year: 'numeric' });

/**
 * When data was loaded, in the local zone and always on a 24-hour clock: `14:02:11` today,
 * `Nov 25 14:02` on another day this year, `Nov 25, 2025 14:02` in another year; `short` leaves
 * out the seconds of today's time and the time of another day's.
 */
export function loadedTime(loadedAt: Date, now: Date, short = false): string {
  if (day.format(loadedAt) === day.format(now))
    return (short ? clockShort : clock).format(loadedAt);
  const date = (year.format(loadedAt) === year.format(now) ? monthDay : monthDayYear).format(
    loadedAt,
  );
  return short ? date : `${date} ${clockShort.format(loadedAt)}`;
}

/**
 * What a view says when a refresh failed (or was cancelled) and it still shows the data it
 * had, as k9s or lazygit do: the rows stay, marked stale, rather than an error in their place.
 * `secrets` are masked in the server's message, as in an error box.
 */
export function staleNotice(
  error: unknown,
  loadedAt: Date,
  secrets: readonly string[],
  now: Date = new Date(),
): StaleNotice {
  const problem =
    error instanceof CancelledError
      ? 'Refresh cancelled'
      : `Refresh failed: ${describeError(error, secrets).message}`;
  return {
    problem: `! ${problem}`,
    since: `stale since ${loadedTime(loadedAt, now)}`,
    sinceShort: `stale since ${loadedTime(loadedAt, now, true)}`,
  };
}

/**
 * The notice in `width` columns. The retry hint is what a person needs most, so it is the last
 * thing to go: the problem is cut first (with `…`), then left out, then the age loses its
 * seconds or its time of day, then it is just `stale`.
 */
export function staleLine(notice: StaleNotice, width: number): string {
  const tail = `${SEPARATOR}${notice.since}${SEPARATOR}${RETRY_HINT}`;
  const full = `${notice.problem}${tail}`;
  if (displayWidth(full) <= width) return full;
  const room = width - displayWidth(tail);
  if (room >= MIN_PROBLEM_COLUMNS) return `${sliceColumns(notice.problem, room - 1)}…${tail}`;
  const fallbacks = [
    `! ${notice.since}${SEPARATOR}${RETRY_HINT}`,
    `! ${notice.sinceShort}${SEPARATOR}${RETRY_HINT}`,
    `! stale${SEPARATOR}${RETRY_HINT}`,
    `stale${SEPARATOR}${RETRY_HINT}`,
  ];
  return fallbacks.find((line) => displayWidth(line) <= width) ?? sliceColumns(RETRY_HINT, width);
}
