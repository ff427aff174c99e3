import { type Hooks, HTTPError, type RetryOptions } from 'ky';
import type { Observer } from './observe.js';
import type { HttpMethod } from './options.js';
import { redactHeaders, redactText } from './redact.js';
import {
  type AmberfloRetryOptions,
  kyRetry,
  parseRetryAfter,
  RETRY_STATUS_CODES,
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
 * Per-call ky hooks and retry rules: numbers the attempts, times them for the hooks, and
 * refuses retries that cannot help (the call is aborted, the error is not a network failure,
 * or the server's `Retry-After` reaches past our deadline, where waiting would only end in a
 * TimeoutError instead of the server's real answer).
 */
export function trackAttempts(input: TrackerInput): AttemptTracker {
  const { method, path, observer, secrets } = input;
  let attempt = 0;
  let startedAt = 0;
  let failedAt = 0;
  let lastStatus: number | undefined;
  let lastReason = '';

  const shouldRetry: RetryOptions['shouldRetry'] = ({ error }) => {
    failedAt = performance.now();
    if (input.signal.aborted) return false;
    if (error instanceof HTTPError) {
      const { status, headers } = error.response;
      lastStatus = status;
      lastReason = `HTTP ${status}`;
      if (!RETRY_STATUS_CODES.includes(status)) return false;
      const after = parseRetryAfter(headers.get('retry-after'));
      const wait = after === undefined ? 0 : Math.min(after, input.retry.maxRetryAfterMs);
      if (Date.now() + wait >= input.deadlineAt) return false;
      // This response is discarded. Left unread, undici rejects its body with the abort
      // reason if the call is aborted during the wait: an unhandled rejection.
      void error.response.body?.cancel().catch(() => undefined);
      return undefined; // ky's default path: backoff, or Retry-After when the server sent one
    }
    lastStatus = undefined;
    lastReason = redactText(error.message, secrets);
    // fetch reports network failures as TypeError on every runtime; anything else is a bug.
    return error instanceof TypeError ? undefined : false;
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
          requestId: response.headers.get('x-request-id') ?? undefined,
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

  return { retry: kyRetry(input.retry, shouldRetry), hooks, attempts: () => attempt };
}
