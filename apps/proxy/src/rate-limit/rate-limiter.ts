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
export const resetSeconds = (decision: RateDecision): string =>
  String(Math.max(0, Math.ceil(decision.resetMs / 1000)));

/** `RateLimit-*` headers (IETF draft) plus `Retry-After` when refused. */
export function rateLimitHeaders(decision: RateDecision): Record<string, string> {
  const reset = resetSeconds(decision);
  const headers: Record<string, string> = {
    'ratelimit-limit': String(decision.limit),
    'ratelimit-remaining': String(decision.remaining),
    'ratelimit-reset': reset,
  };
  if (!decision.allowed) headers['retry-after'] = reset === '0' ? '1' : reset;
  return headers;
}

/** The `RateLimit-*` headers of an allowed request, appended to `[name, value, …]`. */
export function pushRateLimitHeaders(headers: string[], decision: RateDecision): void {
  headers.push(
    'ratelimit-limit',
    String(decision.limit),
    'ratelimit-remaining',
    String(decision.remaining),
    'ratelimit-reset',
    resetSeconds(decision),
  );
}
