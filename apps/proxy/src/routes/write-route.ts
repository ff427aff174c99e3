import { toErrorIssues } from '@amberkit/core/schemas';
import { type ProxyContext, sendError } from './context.js';
import type { RouteDeps } from './deps.js';
import { duplicateKeys } from './duplicate-keys.js';
import { bodyCustomerId, type Operation } from './operations.js';
import { refuseQuery } from './query.js';
import { sendUpstreamAnswer, sendUpstreamFailure } from './upstream-answer.js';

const STRIPE_FLAG = 'autoCreateCustomerInStripe';

/** The upstream path for a write, or an error line naming the bad query value. */
function upstreamPath(c: ProxyContext, op: Operation): string | { bad: string } {
  if (op.id === 'deleteCustomer')
    return `/customers/${encodeURIComponent(c.req.param('customerId') ?? '')}`;
  if (op.id === 'createCustomer') {
    const flag = c.req.query(STRIPE_FLAG);
    if (flag === undefined) return '/customers';
    if (flag !== 'if_payment_provider')
      return { bad: `${STRIPE_FLAG} must be if_payment_provider` };
    return `/customers?${STRIPE_FLAG}=if_payment_provider`;
  }
  return op.path;
}

/**
 * A write: body parsed and validated with core's schema, forwarded once (never retried unless
 * idempotent), then the cache entries it changes are invalidated before the answer returns,
 * whatever upstream said (a timed-out write may still have happened).
 */
export async function handleWrite(
  c: ProxyContext,
  op: Operation,
  deps: RouteDeps,
): Promise<Response> {
  const badQuery = refuseQuery(c, op);
  if (badQuery) return badQuery;
  const path = upstreamPath(c, op);
  if (typeof path !== 'string') {
    return sendError(c, 400, 'VALIDATION_FAILED', path.bad, {
      issues: [{ path: STRIPE_FLAG, message: path.bad }],
    });
  }
  let text: string | undefined;
  let customerId: string | undefined;
  if (op.body) {
    text = await c.req.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return sendError(c, 400, 'VALIDATION_FAILED', 'The request body is not valid JSON', {
        issues: [{ path: '(body)', message: 'Malformed JSON' }],
      });
    }
    const duplicated = duplicateKeys(text);
    if (duplicated.length > 0) {
      return sendError(
        c,
        400,
        'VALIDATION_FAILED',
        `Invalid request body: ${duplicated.join(', ')} given more than once`,
        {
          issues: duplicated.map((path) => ({
            path,
            message: 'the key appears more than once in its object; send it once',
          })),
        },
      );
    }
    const parsed = op.body.safeParse(json);
    if (!parsed.success) {
      const issues = toErrorIssues(parsed.error, json);
      const fields = issues.map((i) => i.path).join(', ');
      return sendError(c, 400, 'VALIDATION_FAILED', `Invalid request body: ${fields}`, { issues });
    }
    customerId = bodyCustomerId(json);
  } else {
    customerId = c.req.param('customerId');
  }

  const started = performance.now();
  let answer: Awaited<ReturnType<typeof deps.upstream.send>> | undefined;
  let failure: unknown;
  try {
    answer = await deps.upstream.send({
      method: op.method,
      path,
      body: text,
      requestId: c.get('requestId'),
    });
  } catch (error) {
    failure = error;
  }
  const ms = performance.now() - started;
  c.set('upstreamMs', ms);
  c.get('frame').timings.upstream = ms;
  if (deps.cache && op.invalidates) {
    // Server-Timing's cache time on a write is the invalidation's (a Redis round trip, shared).
    const invalidating = performance.now();
    const keys = op.invalidates(await deps.cacheKeys, customerId);
    await deps.cache.invalidate(keys, c.get('requestId'));
    c.get('frame').timings.cache = performance.now() - invalidating;
  }
  return answer ? sendUpstreamAnswer(c, answer, deps.logger) : sendUpstreamFailure(c, failure);
}
