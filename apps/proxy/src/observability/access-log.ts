import type { MiddlewareHandler } from 'hono';
import type { ProxyEnv } from '../routes/context.js';
import { type Logger, type RequestLine, roundMs } from './logger.js';
import type { Metrics } from './metrics.js';

/**
 * The access log line of one answered request, shared by the app's middleware and the Node
 * fast path (each counts the request metric itself: the fast path keeps its counter).
 */
export function logRequest(logger: Logger, line: RequestLine): void {
  if (logger.request) {
    logger.request(line);
    return;
  }
  // A logger of the embedder's masks what it writes itself; the flag is not part of the line.
  const { requestIdGenerated: _, ...fields } = line;
  logger.info('request', {
    ...fields,
    upstreamMs: line.upstreamMs === undefined ? undefined : roundMs(line.upstreamMs),
    ms: roundMs(line.ms),
  });
}

/**
 * One JSON line and one metric per request: route, status, cache result, upstream ms. A
 * request whose caller went away gets an info line `client gone` instead, and no metric.
 */
export function accessLog(logger: Logger, metrics: Metrics): MiddlewareHandler<ProxyEnv> {
  return async function accessLog(c, next) {
    const started = performance.now();
    await next();
    const route = c.get('route') ?? 'unmatched';
    if (c.get('callerGone')) {
      // Not an answer: the caller never gets it (a Node 408 is counted where it is written).
      logger.info('client gone', {
        requestId: c.get('requestId'),
        method: c.req.method,
        route,
        ms: roundMs(performance.now() - started),
      });
      return;
    }
    metrics.request(route, c.req.method, c.res.status);
    logRequest(logger, {
      requestId: c.get('requestId'),
      method: c.req.method,
      route,
      status: c.res.status,
      cache: c.get('cacheResult'),
      upstreamMs: c.get('upstreamMs'),
      ms: performance.now() - started,
      caller: c.get('keyName'),
    });
  };
}
