import { respond } from '../observability/frame.js';
import type { Logger } from '../observability/logger.js';
import { UpstreamTimeoutError, UpstreamUnavailableError } from '../upstream/errors.js';
import { normaliseUpstreamError } from '../upstream/normalise-error.js';
import { type ProxyContext, sendError, sendJson } from './context.js';

type Answer = { readonly status: number; readonly contentType: string; readonly body: string };

/**
 * Turns an upstream answer into the caller's response: 2xx passes through, 4xx becomes a
 * normalised `ErrorResponse` with the same status, and 401/403 become 502 `UPSTREAM_AUTH`:
 * they mean the proxy's own Amberflo key is wrong, never the caller's.
 */
export function sendUpstreamAnswer(
  c: ProxyContext,
  answer: Answer,
  logger: Logger,
  headers: Record<string, string> = {},
): Response {
  if (answer.status >= 200 && answer.status < 300) {
    if (answer.body === '') return respond(c, answer.status, null, headers);
    return respond(c, answer.status, answer.body, {
      'content-type': answer.contentType || 'application/json',
      ...headers,
    });
  }
  if (answer.status === 401 || answer.status === 403) {
    logger.error('upstream rejected the proxy Amberflo key', {
      requestId: c.get('requestId'),
      upstreamStatus: answer.status,
    });
    return sendError(
      c,
      502,
      'UPSTREAM_AUTH',
      'Upstream rejected the proxy’s own Amberflo credentials; the proxy operator must fix its AMBERFLO_API_KEY',
      { headers },
    );
  }
  const error = normaliseUpstreamError(answer.status, answer.body, c.get('requestId'));
  return sendJson(c, answer.status, error, headers);
}

/** 504 for a timeout, 502 for anything else that kept upstream from answering. */
export function sendUpstreamFailure(
  c: ProxyContext,
  error: unknown,
  headers: Record<string, string> = {},
): Response {
  if (error instanceof UpstreamTimeoutError)
    return sendError(c, 504, 'UPSTREAM_TIMEOUT', error.message, { headers });
  if (error instanceof UpstreamUnavailableError) {
    return sendError(c, 502, 'UPSTREAM_UNAVAILABLE', `Amberflo is unavailable: ${error.message}`, {
      headers,
    });
  }
  throw error;
}
