import type { ErrorCode, ErrorIssue } from '@amberkit/core/schemas';
import type { Logger } from '../observability/logger.js';
import { UpstreamTimeoutError, UpstreamUnavailableError } from '../upstream/errors.js';
import { normaliseUpstreamError } from '../upstream/normalise-error.js';
import type { UpstreamResponse } from '../upstream/upstream-client.js';

/**
 * A response before it is framed (security headers, request id, Server-Timing): what the app
 * turns into a Web `Response` and the Node fast path writes straight to Node's response.
 */
export type Reply = {
  readonly status: number;
  readonly body: string | null;
  readonly headers: Record<string, string>;
};

const JSON_TYPE = 'application/json; charset=utf-8';

/** A JSON reply. */
export function jsonReply(
  status: number,
  value: unknown,
  headers: Record<string, string> = {},
): Reply {
  return {
    status,
    body: JSON.stringify(value),
    headers: { 'content-type': JSON_TYPE, ...headers },
  };
}

/** An `ErrorResponse` reply with the request id in the body too. */
export function errorReply(
  requestId: string,
  status: number,
  code: ErrorCode,
  message: string,
  extras: { issues?: readonly ErrorIssue[]; headers?: Record<string, string> } = {},
): Reply {
  const body: Record<string, unknown> = { message, code };
  if (extras.issues) body.issues = extras.issues;
  body.requestId = requestId;
  return jsonReply(status, body, extras.headers);
}

/**
 * An upstream answer as the caller's reply: 2xx passes through, 4xx becomes a normalised
 * `ErrorResponse` with the same status, and 401/403 become 502 `UPSTREAM_AUTH`: they mean the
 * proxy's own Amberflo key is wrong, never the caller's.
 */
export function upstreamReply(
  answer: UpstreamResponse,
  requestId: string,
  logger: Logger,
  headers: Record<string, string> = {},
): Reply {
  if (answer.status >= 200 && answer.status < 300) {
    if (answer.body === '') return { status: answer.status, body: null, headers };
    return {
      status: answer.status,
      body: answer.body,
      headers: { 'content-type': answer.contentType || 'application/json', ...headers },
    };
  }
  if (answer.status === 401 || answer.status === 403) {
    logger.error('upstream rejected the proxy Amberflo key', {
      requestId,
      upstreamStatus: answer.status,
    });
    return errorReply(
      requestId,
      502,
      'UPSTREAM_AUTH',
      'Upstream rejected the proxy’s own Amberflo credentials; the proxy operator must fix its AMBERFLO_API_KEY',
      { headers },
    );
  }
  // Upstream's own back-off advice reaches the caller, so a client that honours Retry-After
  // (core's does) waits as long as Amberflo asked, not as long as it guesses.
  const backOff =
    answer.retryAfter !== undefined && (answer.status === 429 || answer.status === 503)
      ? { ...headers, 'retry-after': answer.retryAfter }
      : headers;
  return jsonReply(
    answer.status,
    normaliseUpstreamError(answer.status, answer.body, requestId),
    backOff,
  );
}

/**
 * An error nothing else handled: one error line, and a 500 that names the request id (the
 * app's `onError` and the Node fast path).
 */
export function internalErrorReply(error: unknown, requestId: string, logger: Logger): Reply {
  logger.error('unhandled error', {
    requestId,
    error: error instanceof Error ? error.name : 'unknown',
    message: error instanceof Error ? error.message : String(error),
  });
  return errorReply(
    requestId,
    500,
    'INTERNAL',
    'Internal proxy error; quote the request id to the operator',
  );
}

/** 504 for a timeout, 502 for anything else that kept upstream from answering; rethrows the rest. */
export function failureReply(
  error: unknown,
  requestId: string,
  headers: Record<string, string> = {},
): Reply {
  if (error instanceof UpstreamTimeoutError)
    return errorReply(requestId, 504, 'UPSTREAM_TIMEOUT', error.message, { headers });
  if (error instanceof UpstreamUnavailableError) {
    return errorReply(
      requestId,
      502,
      'UPSTREAM_UNAVAILABLE',
      `Amberflo is unavailable: ${error.message}`,
      { headers },
    );
  }
  throw error;
}
