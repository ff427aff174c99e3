import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import { respond } from '../observability/frame.js';
import { requestHeader } from '../observability/request-header.js';
import type { ProxyContext, ProxyEnv } from './context.js';

/** How browsers from other origins may call the proxy. */
export type CorsSettings = {
  /** The allowed origins; CORS is off when there are none. */
  readonly origins: readonly string[];
  /** `Access-Control-Max-Age`: how long a browser may reuse a preflight's answer. */
  readonly maxAgeSeconds: number;
};

/** Answers `OPTIONS` on a path whose methods are `allow` (OPTIONS among them). */
export type Preflight = (allow: string) => (c: ProxyContext) => Promise<Response>;

/**
 * hono/cors for the headers, split in two: its headers on every answer but OPTIONS, and a
 * preflight handler that each known path mounts for OPTIONS, so an unknown path is still a
 * 404 and every preflight is framed like any other answer (request id, security headers).
 */
export function createCors(settings: CorsSettings): {
  readonly headers: MiddlewareHandler<ProxyEnv>;
  readonly preflight: Preflight;
} {
  const middleware = cors({
    origin: [...settings.origins],
    // The methods the API has (Hono's default also offers PATCH and QUERY).
    allowMethods: ['GET', 'HEAD', 'POST', 'PUT', 'DELETE'],
    allowHeaders: ['Authorization', 'X-API-KEY', 'Content-Type', 'X-Request-Id', 'Cache-Control'],
    exposeHeaders: [
      'X-Request-Id',
      'X-Cache',
      'Age',
      'Retry-After',
      'RateLimit-Limit',
      'RateLimit-Remaining',
      'RateLimit-Reset',
      'Server-Timing',
    ],
    maxAge: settings.maxAgeSeconds,
  });
  return {
    headers: async function corsHeaders(c, next) {
      if (c.req.method === 'OPTIONS') return next();
      return middleware(c, next);
    },
    preflight: (allow) =>
      async function preflight(c) {
        c.set('route', 'preflight');
        // Not a CORS preflight (no Origin, or no method asked for): a plain OPTIONS, which
        // RFC 9110 §9.3.7 answers with the methods the path allows.
        if (!requestHeader(c, 'origin') || !requestHeader(c, 'access-control-request-method'))
          return respond(c, 204, null, { allow });
        const answer = (await middleware(c, async () => {})) as Response;
        const headers: Record<string, string> = { allow };
        answer.headers.forEach((value, name) => {
          headers[name] = value;
        });
        return respond(c, 204, null, headers);
      },
  };
}
