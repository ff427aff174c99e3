import type { MiddlewareHandler } from 'hono';
import type { ProxyEnv } from '../routes/context.js';
import type { Logger } from './logger.js';
import type { Metrics } from './metrics.js';

/** One JSON line and one metric per request: route, status, cache result, upstream ms. */
export function accessLog(logger: Logger, metrics: Metrics): MiddlewareHandler<ProxyEnv> {
  return async function accessLog(c, next) {
    const started = performance.now();
    await next();
    const route = c.get('route') ?? 'unmatched';
    const status = c.res.status;
    metrics.request(route, c.req.method, status);
    const upstreamMs = c.get('upstreamMs');
    logger.info('request', {
      requestId: c.get('requestId'),
      method: c.req.method,
      route,
      status,
      cache: c.get('cacheResult'),
      upstreamMs: upstreamMs === undefined ? undefined : Math.round(upstreamMs * 100) / 100,
      ms: Math.round((performance.now() - started) * 100) / 100,
      caller: c.get('keyName'),
    });
  };
}
