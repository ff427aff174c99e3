import type { CacheOutcome } from '../cache/response-cache.js';
import { requestHeader } from '../observability/request-header.js';
import type { UpstreamResponse } from '../upstream/upstream-client.js';
import { type ProxyContext, sendError } from './context.js';
import type { RouteDeps } from './deps.js';
import type { Operation } from './operations.js';
import { sendUpstreamAnswer, sendUpstreamFailure } from './upstream-answer.js';

const INVOICES = '/payments-billing-customer-product-invoice';

/** Runs a promise past the response: `waitUntil` on Workers, plain on Node. */
function deferFor(c: ProxyContext): (p: Promise<unknown>) => void {
  return (p) => {
    try {
      c.executionCtx.waitUntil(p);
    } catch {
      // No execution context (Node, tests): the promise runs on its own and never rejects.
    }
  };
}

/** A cached GET: cache lookup (or bypass), one upstream fetch per key, X-Cache and Age. */
export async function handleRead(
  c: ProxyContext,
  op: Operation,
  deps: RouteDeps,
): Promise<Response> {
  const keys = await deps.cacheKeys;
  let key: string;
  let path: string;
  if (op.cache === 'customer') {
    const id = c.req.param('customerId') ?? '';
    key = keys.customer(id);
    path = `/customers/${encodeURIComponent(id)}`;
  } else if (op.cache === 'invoices') {
    const id = c.req.query('customerId');
    if (!id) {
      return sendError(
        c,
        400,
        'VALIDATION_FAILED',
        'customerId: the customerId query parameter is required',
        {
          issues: [{ path: 'customerId', message: 'Required query parameter' }],
        },
      );
    }
    key = keys.invoices(id);
    path = `${INVOICES}?customerId=${encodeURIComponent(id)}`;
  } else {
    key = keys.customers();
    path = '/customers';
  }
  const policy = deps.policies[op.cache ?? 'customers'];
  const requestId = c.get('requestId');
  const load = async (): Promise<UpstreamResponse> => {
    const started = performance.now();
    try {
      return await deps.upstream.send({ method: 'GET', path, requestId });
    } finally {
      const ms = performance.now() - started;
      c.set('upstreamMs', ms);
      c.get('frame').timings.upstream = ms;
    }
  };

  const started = performance.now();
  let outcome: CacheOutcome;
  try {
    if (!deps.cache)
      outcome = { entry: { ...(await load()), storedAt: deps.clock() }, result: 'BYPASS' };
    else if (/no-cache/i.test(requestHeader(c, 'cache-control') ?? ''))
      outcome = await deps.cache.bypass(key, policy, load);
    else outcome = await deps.cache.get(key, policy, load, deferFor(c));
  } catch (error) {
    c.set('cacheResult', 'MISS');
    return sendUpstreamFailure(c, error, { 'x-cache': 'MISS', age: '0' });
  } finally {
    c.get('frame').timings.cache = performance.now() - started;
  }
  const { entry, result } = outcome;
  c.set('cacheResult', result);
  const age =
    result === 'HIT' || result === 'STALE'
      ? Math.max(0, Math.floor((deps.clock() - entry.storedAt) / 1000))
      : 0;
  return sendUpstreamAnswer(c, entry, deps.logger, { 'x-cache': result, age: String(age) });
}
