import { requestBypass } from '../cache/request-directives.js';
import { requestHeader } from '../observability/request-header.js';
import { type ProxyContext, sendError } from './context.js';
import type { RouteDeps } from './deps.js';
import type { Operation } from './operations.js';
import { refuseQuery } from './query.js';
import { readThrough } from './read-through.js';
import { sendReply } from './upstream-answer.js';

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
  const badQuery = refuseQuery(c, op);
  if (badQuery) return badQuery;
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
  const cacheControl = requestHeader(c, 'cache-control');
  const { reply, cacheResult, upstreamMs } = await readThrough(
    {
      op,
      key,
      path,
      requestId: c.get('requestId'),
      bypass: requestBypass(cacheControl, cacheControl ? undefined : requestHeader(c, 'pragma')),
      timings: c.get('frame').timings,
      defer: deferFor(c),
    },
    deps,
  );
  c.set('cacheResult', cacheResult);
  if (upstreamMs !== undefined) c.set('upstreamMs', upstreamMs);
  return sendReply(c, reply);
}
