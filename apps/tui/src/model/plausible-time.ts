import { PLAUSIBLE_MILLIS } from '@amberkit/core/time';

const utc = (ms: number) => `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;

/**
 * Why a time in Unix milliseconds is outside core's plausible range, or `undefined` when it is
 * inside. The range is a pair of instants (2000-01-01 00:00 UTC up to 2200-01-01 00:00 UTC),
 * not years in the reader's zone, so the message states the bound and the time in UTC: in
 * Tokyo, `2000-01-01` is 1999-12-31 15:00 UTC, and "use a date from 2000" would contradict it.
 */
export function plausibleTimeProblem(ms: number): string | undefined {
  if (ms < PLAUSIBLE_MILLIS.min)
    return `is ${utc(ms)}: must be on or after ${utc(PLAUSIBLE_MILLIS.min)}`;
  if (ms >= PLAUSIBLE_MILLIS.max)
    return `is ${utc(ms)}: must be before ${utc(PLAUSIBLE_MILLIS.max)}`;
  return undefined;
}
