import type { MiddlewareHandler } from 'hono';
import type { ProxyEnv } from '../routes/context.js';
import { type Logger, type RequestLine, roundMs } from './logger.js';
import type { Metrics } from './metrics.js';

/**
 * The request metric and the access log line for one answered request, shared by the app's
 * middleware and the Node fast path. `started` is a `performance.now()` reading.
 */
export function logRequest(
  logger: Logger,
  metrics: Metrics,
  requestId: string,
  method: string,
  route: string,
  status: number,
  started: number,
  cache: string | undefined,
  upstreamMs: number | undefined,
  caller: string | undefined,
): void {
  metrics.request(route, method, status);
  const line: RequestLine = {
    requestId,
    method,
    route,
    status,
    cache,
    upstreamMs,
    ms: performance.now() - started,
    caller,
  };
  if (logger.request) logger.request(line);
  else
    logger.info('request', {
      ...line,
      upstreamMs: upstreamMs === undefined ? undefined : roundMs(upstreamMs),
      ms: roundMs(line.ms),
    });
}

/** One JSON line and one metric per request: route, status, cache result, upstream ms. */
export function accessLog(logger: Logger, metrics: Metrics): MiddlewareHandler<ProxyEnv> {
  return async function accessLog(c, next) {
    const started = performance.now();
    await next();
    logRequest(
      logger,
      metrics,
      c.get('requestId'),
      c.req.method,
      c.get('route') ?? 'unmatched',
      c.res.status,
      started,
      c.get('cacheResult'),
      c.get('upstreamMs'),
      c.get('keyName'),
    );
  };
}
