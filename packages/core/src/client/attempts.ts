import { type Hooks, HTTPError, type RetryOptions } from 'ky';
import type { Observer } from './observe.js';
import type { HttpMethod } from './options.js';
import { redactHeaders, redactOptional, redactText } from './redact.js';
import {
  type AmberfloRetryOptions,
  backoffCeiling,
  fullJitter,
  kyRetry,
  RETRY_STATUS_CODES,
  serverWaitMs,
} from './retry.js';

export type AttemptTracker = {
  retry: RetryOptions;
  hooks: Hooks;
  attempts(): number;
};

type TrackerInput = {
  method: HttpMethod;
  path: string;
  retry: Required<AmberfloRetryOptions>;
  observer: Observer;
  signal: AbortSignal;
  secrets: readonly string[];
  /** When the call's deadline passes (epoch ms). */
  deadlineAt: number;
};

/**
 * Per-call ky hooks and retry rules: numbers the attempts, times them for the hooks, decides
 * each wait (the server's `Retry-After`/`RateLimit-Reset` up to `maxRetryAfterMs`, else
 * jittered backoff), and refuses retries that cannot help (the call is aborted, the error is
 * not a network failure, or the server's wait reaches past our deadline, where waiting would
 * only end in a TimeoutError instead of the server's real answer).
 */
export function trackAttempts(input: TrackerInput): AttemptTracker {
  const { method, path, observer, secrets } = input;
  let attempt = 0;
  let startedAt = 0;
  let failedAt = 0;
  let lastStatus: number | undefined;
  let lastReason = '';
  let wait = 0;

  const shouldRetry = ({ error, retryCount }: { error: Error; retryCount: number }) => {
    failedAt = performance.now();
    if (input.signal.aborted) return false;
    wait = fullJitter(backoffCeiling(retryCount, input.retry));
    if (error instanceof HTTPError) {
      const { status, headers } = error.response;
      lastStatus = status;
      lastReason = `HTTP ${status}`;
      if (!RETRY_STATUS_CODES.includes(status)) return false;
      const after = serverWaitMs(status, headers);
      if (after !== undefined) {
        // The server's timing, as asked (no jitter), bounded like any Retry-After.
        wait = Math.min(after, input.retry.maxRetryAfterMs);
        if (Date.now() + wait >= input.deadlineAt) return false;
      }
      // This response is discarded. Left unread, undici rejects its body with the abort
      // reason if the call is aborted during the wait: an unhandled rejection.
      void error.response.body?.cancel().catch(() => undefined);
      return true;
    }
    lastStatus = undefined;
    lastReason = redactText(error.message, secrets);
    // fetch reports network failures as TypeError on every runtime; anything else is a bug.
    return error instanceof TypeError;
  };

  const hooks: Hooks = {
    beforeRequest: [
      (request, _options, state) => {
        attempt = state.retryCount + 1;
        startedAt = performance.now();
        const headers = redactHeaders(request.headers, secrets);
        observer.request({ method, path, url: request.url, attempt, headers });
      },
    ],
    afterResponse: [
      (request, _options, response) => {
        observer.response({
          method,
          path,
          url: request.url,
          attempt,
          status: response.status,
          durationMs: performance.now() - startedAt,
          requestId: redactOptional(response.headers.get('x-request-id') ?? undefined, secrets),
        });
      },
    ],
    beforeRetry: [
      ({ request }) => {
        observer.retry({
          method,
          path,
          url: request.url,
          attempt: attempt + 1,
          delayMs: performance.now() - failedAt,
          status: lastStatus,
          reason: lastReason,
        });
      },
    ],
  };

  return { retry: kyRetry(input.retry, shouldRetry, () => wait), hooks, attempts: () => attempt };
}
