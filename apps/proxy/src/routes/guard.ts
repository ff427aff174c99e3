import { authenticate } from '../auth/authenticate.js';
import { extractKey } from '../auth/extract-key.js';
import { requestHeader } from '../observability/request-header.js';
import { rateLimitHeaders } from '../rate-limit/rate-limiter.js';
import { type ProxyContext, sendError } from './context.js';
import type { RouteDeps } from './deps.js';
import type { Operation } from './operations.js';

/**
 * Authentication, scope and rate limit for one operation, before any cache lookup or body
 * read. Answers the refusal, or undefined to go on.
 */
export async function guard(
  c: ProxyContext,
  op: Operation,
  deps: RouteDeps,
): Promise<Response | undefined> {
  c.set('route', op.id);
  const frame = c.get('frame');
  const started = performance.now();
  const authorization = requestHeader(c, 'authorization');
  const presented = extractKey(authorization, requestHeader(c, 'x-api-key'));
  const auth = await authenticate(
    presented,
    deps.keys.current(),
    op.scope,
    deps.clock(),
    deps.hashKey,
    authorization,
  );
  frame.timings.auth = performance.now() - started;
  if (!auth.ok)
    return sendError(c, auth.status, auth.code, auth.message, { headers: auth.headers });
  c.set('keyName', auth.key.name);

  const limit = auth.key.limit ?? deps.defaultLimit;
  if (!limit || !deps.limiter) return undefined;
  const decision = await deps.limiter.consume(auth.key.hash, limit);
  Object.assign(frame.headers, rateLimitHeaders(decision));
  if (decision.allowed) return undefined;
  return sendError(
    c,
    429,
    'RATE_LIMITED',
    `Rate limit ${limit.spec} exceeded for key "${auth.key.name}"`,
  );
}
