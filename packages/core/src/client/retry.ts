/**
 * Retry policy. We use ky's own retry (ky 1.14) rather than cockatiel: it already does the
 * per-method and per-status rules, the `limit`, and it waits on the caller's signal so an
 * abort or our deadline cuts a wait short. How long to wait is ours, though: ky turns a
 * `Retry-After` it cannot parse into its full `maxRetryAfter` cap, and reads more headers
 * than we can vouch for. So `shouldRetry` decides every retry with the one parser below
 * (which also feeds the deadline check and `RateLimitError.retryAfterMs`) and hands the wait
 * to ky through `delay`; ky never reads those headers itself.
 */
import type { RetryOptions } from 'ky';

/** How the client retries GET, PUT and DELETE. POST is never retried (it is not idempotent). */
export type AmberfloRetryOptions = {
  /** Retries after the first attempt. Default 2. */
  limit?: number;
  /** First backoff ceiling; doubles each retry. Default 300 ms. */
  baseDelayMs?: number;
  /** Cap on a backoff wait. Default 10 s. */
  maxDelayMs?: number;
  /** Cap on a server's `Retry-After` (or `RateLimit-Reset`). Default 30 s. */
  maxRetryAfterMs?: number;
};

export const DEFAULT_RETRY: Required<AmberfloRetryOptions> = {
  limit: 2,
  baseDelayMs: 300,
  maxDelayMs: 10_000,
  maxRetryAfterMs: 30_000,
};

export const RETRY_METHODS = ['get', 'put', 'delete'];
export const RETRY_STATUS_CODES = [408, 429, ...Array.from({ length: 100 }, (_, i) => 500 + i)];

/** The ceiling of retry `attempt` (1-based) before jitter: `base * 2^(attempt-1)`, capped. */
export function backoffCeiling(attempt: number, options: Required<AmberfloRetryOptions>): number {
  return Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1));
}

/** Full jitter (AWS): a uniform wait between 0 and the capped ceiling. */
export function fullJitter(ceiling: number, random: () => number = Math.random): number {
  return random() * ceiling;
}

const DELTA_SECONDS = /^\d+(\.\d+)?$/;
/** IMF-fixdate and the two obsolete forms RFC 9110 still asks recipients to read. */
const HTTP_DATE = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,? .*\d\d:\d\d:\d\d/;

/**
 * `Retry-After` as milliseconds from `now`: delta-seconds or an HTTP date; undefined if absent
 * or junk. Junk counts as absent (plain backoff); `Date.parse` alone would read `1,5` or
 * `abc 2020` as dates, hence the shape checks.
 */
export function parseRetryAfter(
  value: string | null,
  now: number = Date.now(),
): number | undefined {
  if (value === null) return undefined;
  if (DELTA_SECONDS.test(value)) return Number(value) * 1000;
  const date = HTTP_DATE.test(value) ? Date.parse(value) : Number.NaN;
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * How long the server asked us to wait, in ms: `Retry-After`, or failing that the IETF
 * draft's `RateLimit-Reset` (delta-seconds, as the amberkit proxy sends it) when the budget is
 * spent: on a 429, or with `RateLimit-Remaining: 0`. Otherwise `RateLimit-Reset` only says
 * when a budget that still has room refills, which is no reason to wait (the proxy sends it on
 * every answer, a 503 included). Unbounded: the caller applies `maxRetryAfterMs`.
 */
export function serverWaitMs(
  status: number,
  headers: Headers,
  now: number = Date.now(),
): number | undefined {
  const retryAfter = parseRetryAfter(headers.get('retry-after'), now);
  if (retryAfter !== undefined) return retryAfter;
  if (status !== 429 && headers.get('ratelimit-remaining')?.trim() !== '0') return undefined;
  const reset = headers.get('ratelimit-reset');
  return reset !== null && DELTA_SECONDS.test(reset) ? Number(reset) * 1000 : undefined;
}

export function resolveRetry(retry: false | AmberfloRetryOptions | undefined) {
  if (retry === false) return { ...DEFAULT_RETRY, limit: 0 };
  const merged = { ...DEFAULT_RETRY };
  for (const [key, value] of Object.entries(retry ?? {})) {
    if (value !== undefined) merged[key as keyof AmberfloRetryOptions] = value;
  }
  return merged;
}

/**
 * ky's retry options for a resolved policy. `shouldRetry` must answer `true` or `false`
 * (never ky's default path, which would parse the headers itself), and `waitMs` is read just
 * after it says `true`, so it can hand over the wait it decided.
 */
export function kyRetry(
  options: Required<AmberfloRetryOptions>,
  shouldRetry: (state: { error: Error; retryCount: number }) => boolean,
  waitMs: () => number,
): RetryOptions {
  return {
    limit: options.limit,
    methods: RETRY_METHODS,
    // No statusCodes or afterStatusCodes: ky reads them only when shouldRetry answers neither
    // true nor false, which this one never does (the statuses are checked in attempts.ts).
    delay: waitMs,
    shouldRetry,
  };
}
