/**
 * Retry policy. We use ky's own retry (ky 1.14) rather than cockatiel: it already does full
 * jitter (`jitter`), a cap (`backoffLimit`), `Retry-After` in seconds or as an HTTP date with
 * a bound (`maxRetryAfter`), per-method and per-status rules, and it waits on the caller's
 * signal so an abort or our deadline cuts a backoff short. Wrapping ky in cockatiel would
 * mean turning those responses into exceptions twice and re-parsing `Retry-After` ourselves.
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
  /** Cap on a server's `Retry-After`. Default 30 s. */
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

/** `Retry-After` as milliseconds from `now`: delta-seconds or an HTTP date; undefined if absent or junk. */
export function parseRetryAfter(
  value: string | null,
  now: number = Date.now(),
): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

export function resolveRetry(retry: false | AmberfloRetryOptions | undefined) {
  if (retry === false) return { ...DEFAULT_RETRY, limit: 0 };
  const merged = { ...DEFAULT_RETRY };
  for (const [key, value] of Object.entries(retry ?? {})) {
    if (value !== undefined) merged[key as keyof AmberfloRetryOptions] = value;
  }
  return merged;
}

/** ky's retry options for a resolved policy; `shouldRetry` adds per-call rules. */
export function kyRetry(
  options: Required<AmberfloRetryOptions>,
  shouldRetry: RetryOptions['shouldRetry'],
): RetryOptions {
  return {
    limit: options.limit,
    methods: RETRY_METHODS,
    statusCodes: RETRY_STATUS_CODES,
    afterStatusCodes: RETRY_STATUS_CODES,
    delay: (attempt) => backoffCeiling(attempt, options),
    jitter: (ceiling) => fullJitter(ceiling),
    backoffLimit: options.maxDelayMs,
    maxRetryAfter: options.maxRetryAfterMs,
    shouldRetry,
  };
}
