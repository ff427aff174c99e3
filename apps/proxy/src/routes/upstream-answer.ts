import { respond } from '../observability/frame.js';
import type { Logger } from '../observability/logger.js';
import type { UpstreamResponse } from '../upstream/upstream-client.js';
import type { ProxyContext } from './context.js';
import { failureReply, type Reply, upstreamReply } from './reply.js';

/**
 * A {@link Reply} as the app's response, framed. A 429 here is upstream's (the proxy's own is
 * answered by the guard): it goes without the caller key's `RateLimit-*`, which would say the
 * key has room left while Amberflo's `Retry-After` says to wait.
 */
export function sendReply(c: ProxyContext, reply: Reply): Response {
  if (reply.status === 429) dropRateLimitHeaders(c.get('frame').headers);
  return respond(c, reply.status, reply.body, reply.headers);
}

function dropRateLimitHeaders(headers: Record<string, string>): void {
  delete headers['ratelimit-limit'];
  delete headers['ratelimit-remaining'];
  delete headers['ratelimit-reset'];
}

/** The caller's response for an upstream answer (see {@link upstreamReply}). */
export function sendUpstreamAnswer(
  c: ProxyContext,
  answer: UpstreamResponse,
  logger: Logger,
  headers: Record<string, string> = {},
): Response {
  return sendReply(c, upstreamReply(answer, c.get('requestId'), logger, headers));
}

/** 504 for a timeout, 502 for anything else that kept upstream from answering. */
export function sendUpstreamFailure(
  c: ProxyContext,
  error: unknown,
  headers: Record<string, string> = {},
): Response {
  return sendReply(c, failureReply(error, c.get('requestId'), headers));
}
