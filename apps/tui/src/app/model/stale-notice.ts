import { CancelledError } from '../hooks/use-request.js';
import { LOCAL_TIME_ZONE, showDate } from './dates.js';
import { describeError } from './describe-error.js';

/** The line over data whose refresh failed: what went wrong, then how old the data is. */
export type StaleNotice = { readonly problem: string; readonly age: string };

const clock = new Intl.DateTimeFormat('en-US', {
  timeZone: LOCAL_TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});
const day = new Intl.DateTimeFormat('en-CA', { timeZone: LOCAL_TIME_ZONE });

/** `14:02:11` for a time today (local zone), the date and time for an older one. */
export function loadedTime(loadedAt: Date, now: Date): string {
  return day.format(loadedAt) === day.format(now)
    ? clock.format(loadedAt)
    : showDate(loadedAt, true);
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
    age: ` · stale: loaded at ${loadedTime(loadedAt, now)} · press r to retry`,
  };
}
