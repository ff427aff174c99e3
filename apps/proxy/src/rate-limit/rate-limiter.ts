import type { RateLimit } from '../config/rate-spec.js';

/** The outcome of taking one request from a key's budget. */
export type RateDecision = {
  readonly allowed: boolean;
  readonly limit: number;
  readonly remaining: number;
  /** Milliseconds until the budget refills. */
  readonly resetMs: number;
};

/** Per-key request budgets; `id` is the key's hash, never the key. */
export interface RateLimiter {
  consume(id: string, limit: RateLimit): Promise<RateDecision>;
  close?(): Promise<void>;
  /**
   * Takes one request synchronously when the budget allows it, for limiters held in this
   * process; answers undefined, taking nothing, when it would refuse (the caller then goes
   * through `consume`, which refuses with the usual 429).
   */
  consumeIfAllowed?(id: string, limit: RateLimit): RateDecision | undefined;
}

/** Seconds until the budget refills, as `RateLimit-Reset` gives it. */
const resetSeconds = (decision: RateDecision): string =>
  String(Math.max(0, Math.ceil(decision.resetMs / 1000)));

/** The `RateLimit-*` headers (IETF draft) of a decision, appended to `[name, value, …]`. */
export function pushRateLimitHeaders(headers: string[], decision: RateDecision): void {
  const at = headers.length + 1;
  headers.push('ratelimit-limit', '', 'ratelimit-remaining', '', 'ratelimit-reset', '');
  setRateLimitHeaders(headers, at, decision);
}

/**
 * The `RateLimit-*` values of a decision written into `headers` from index `at` (the value
 * of `RateLimit-Limit`), where the names already stand in the same order as
 * {@link pushRateLimitHeaders} writes them.
 */
export function setRateLimitHeaders(headers: string[], at: number, decision: RateDecision): void {
  headers[at] = String(decision.limit);
  headers[at + 2] = String(decision.remaining);
  headers[at + 4] = resetSeconds(decision);
}

/** `RateLimit-*` headers plus `Retry-After` when refused, as an object. */
export function rateLimitHeaders(decision: RateDecision): Record<string, string> {
  const pairs: string[] = [];
  pushRateLimitHeaders(pairs, decision);
  const headers: Record<string, string> = {};
  for (let i = 0; i < pairs.length; i += 2) headers[pairs[i]!] = pairs[i + 1]!;
  if (!decision.allowed) {
    const reset = headers['ratelimit-reset']!;
    headers['retry-after'] = reset === '0' ? '1' : reset;
  }
  return headers;
}
