import type { Hono } from 'hono';
import { respond } from '../observability/frame.js';
import type { UpstreamKind } from '../upstream/upstream-kind.js';
import { methodNotAllowed, type ProxyEnv, sendJson } from './context.js';
import type { RouteDeps } from './deps.js';
import { proxyOpenApiDocument } from './openapi.js';

export type OpsDeps = {
  readonly baseUrl: string;
  readonly apiKey: string;
  readonly fetch: (request: Request) => Promise<Response>;
  readonly upstreamKind: () => Promise<UpstreamKind>;
  readonly readyTimeoutMs: number;
};

/** The operational endpoints, each answering GET (and HEAD) only. */
const OPS_PATHS = ['/healthz', '/readyz', '/metrics', '/openapi.json'] as const;

/** A customer id no account holds: the readiness probe's authenticated, harmless GET. */
const PROBE_ID = '__amberkit_readyz_probe__';

/** /healthz, /readyz, /metrics and /openapi.json: no caller key needed. */
export function mountOpsRoutes(app: Hono<ProxyEnv>, deps: RouteDeps, ops: OpsDeps): void {
  const origin = new URL(ops.baseUrl).origin;
  let openApi: string | undefined;

  app.get('/healthz', async (c) => {
    c.set('route', 'healthz');
    return sendJson(c, 200, { status: 'ok', upstream: { origin, kind: await ops.upstreamKind() } });
  });

  app.get('/readyz', async (c) => {
    c.set('route', 'readyz');
    let status: number;
    try {
      const response = await ops.fetch(
        new Request(`${ops.baseUrl}/customers/${PROBE_ID}`, {
          headers: { 'x-api-key': ops.apiKey, 'x-request-id': c.get('requestId') },
          signal: AbortSignal.timeout(ops.readyTimeoutMs),
        }),
      );
      status = response.status;
      await response.body?.cancel();
    } catch {
      return sendJson(c, 503, { status: 'not_ready', reason: `upstream ${origin} is unreachable` });
    }
    if (status === 200 || status === 404)
      return sendJson(c, 200, { status: 'ready', upstream: { origin, status } });
    if (status === 401 || status === 403) {
      deps.logger.error('readiness: upstream rejected the proxy Amberflo key', {
        requestId: c.get('requestId'),
        upstreamStatus: status,
      });
      return sendJson(c, 503, {
        status: 'not_ready',
        reason: `upstream answered ${status}: the proxy's AMBERFLO_API_KEY is wrong`,
      });
    }
    return sendJson(c, 503, { status: 'not_ready', reason: `upstream answered ${status}` });
  });

  app.get('/metrics', (c) => {
    c.set('route', 'metrics');
    return respond(c, 200, deps.metrics.render(), {
      'content-type': 'text/plain; version=0.0.4; charset=utf-8',
    });
  });

  app.get('/openapi.json', (c) => {
    c.set('route', 'openapi');
    openApi ??= JSON.stringify(proxyOpenApiDocument());
    return respond(c, 200, openApi, { 'content-type': 'application/json; charset=utf-8' });
  });

  // Any other method: 405 with Allow, as on the API's paths.
  for (const path of OPS_PATHS) methodNotAllowed(app, path, ['GET', 'HEAD'], deps.preflight);
}
