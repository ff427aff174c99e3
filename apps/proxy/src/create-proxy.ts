import { Hono } from 'hono';
import {
  accountId,
  type CachePolicy,
  type CacheRoute,
  createCacheKeys,
  DEFAULT_CACHE_POLICIES,
} from './cache/cache-policy.js';
import type { CacheStore } from './cache/cache-store.js';
import { createMemoryStore } from './cache/memory-store.js';
import { ResponseCache } from './cache/response-cache.js';
import { parseRateSpec } from './config/rate-spec.js';
import { hashKey } from './keys/hash-key.js';
import type { KeyEntry } from './keys/key-entry.js';
import { createKeyRing, type KeyRing, type KeySource } from './keys/key-ring.js';
import { accessLog } from './observability/access-log.js';
import { callerGone } from './observability/caller-gone.js';
import { frame } from './observability/frame.js';
import { createLogger, type Logger } from './observability/logger.js';
import { Metrics } from './observability/metrics.js';
import { createFixedWindowLimiter } from './rate-limit/fixed-window.js';
import type { RateLimiter } from './rate-limit/rate-limiter.js';
import { mountApiRoutes } from './routes/api-routes.js';
import { type ProxyEnv, sendError } from './routes/context.js';
import { createCors } from './routes/cors.js';
import type { RouteDeps } from './routes/deps.js';
import { createFastRead, type FastRead } from './routes/fast-read.js';
import { mountOpsRoutes } from './routes/ops-routes.js';
import { internalErrorReply } from './routes/reply.js';
import { sendReply } from './routes/upstream-answer.js';
import type { UpstreamTransport } from './upstream/transport.js';
import { createUpstreamClient, type UpstreamOptions } from './upstream/upstream-client.js';
import { createUpstreamKind } from './upstream/upstream-kind.js';

/** Options for {@link createProxy}. Only `upstream` and `keys` are required. */
export type ProxyOptions = {
  readonly upstream: Omit<UpstreamOptions, 'fetch' | 'onAttempt' | 'transport'>;
  /** Caller keys: entries, a ring, or a source whose ring can be swapped (file reload). */
  readonly keys: readonly KeyEntry[] | KeyRing | KeySource;
  readonly cache?: {
    /** Default true. Off means every GET goes upstream (`X-Cache: BYPASS`). */
    readonly enabled?: boolean;
    /** Default: an in-process LRU. */
    readonly store?: CacheStore;
    readonly policies?: Partial<Record<CacheRoute, CachePolicy>>;
  };
  readonly rateLimit?: {
    /** Per-key limit for keys without their own, like `600/min`; null for none. Default 600/min. */
    readonly default?: string | null;
    /** Default: a fixed window in this process (per isolate on Workers). */
    readonly limiter?: RateLimiter;
  };
  /** Largest accepted request body. Default 100 KiB. */
  readonly bodyLimitBytes?: number;
  /** Origins allowed by CORS; CORS stays off when empty (the default). */
  readonly corsOrigins?: readonly string[];
  /** `Access-Control-Max-Age` of a preflight's answer, in seconds. Default 600. */
  readonly corsMaxAgeSeconds?: number;
  readonly logger?: Logger;
  /** Used for upstream calls and probes; default the global fetch. */
  readonly fetch?: (request: Request) => Promise<Response>;
  readonly clock?: () => number;
  /**
   * Computes `sha256:<hex>` of a presented caller key. Default: Web Crypto (every runtime);
   * the Node server passes node:crypto's synchronous hash, which saves a thread-pool hop.
   */
  readonly hashKey?: (key: string) => string | Promise<string>;
  /** How upstream requests travel; default `hono/proxy` over `fetch` (see `nodeHttpTransport`). */
  readonly transport?: UpstreamTransport;
};

/** A proxy instance: the Hono app, its fetch handler, and `close()` for the store and limiter. */
export type AmberkitProxy = {
  readonly app: Hono<ProxyEnv>;
  readonly fetch: (request: Request, env?: unknown, ctx?: unknown) => Response | Promise<Response>;
  readonly metrics: Metrics;
  /**
   * Answers a fresh cache HIT without the app, or undefined to let the app answer (see
   * {@link FastRead}). Absent when CORS is configured. The Node server calls it first.
   */
  readonly fastRead?: FastRead;
  readonly close: () => Promise<void>;
};

function toKeySource(keys: ProxyOptions['keys']): KeySource {
  if ('current' in keys) return keys;
  if ('get' in keys && typeof keys.get === 'function' && !Array.isArray(keys))
    return { current: () => keys as KeyRing };
  const ring = createKeyRing(keys as readonly KeyEntry[]);
  return { current: () => ring };
}

/**
 * Creates the proxy: caller authentication and scopes, per-key rate limits, cached reads with
 * invalidation on writes, validation with core's schemas, and a resilient upstream. Uses Web
 * APIs only, so it runs on Node, Bun, Deno and Workers.
 *
 * @example
 * const proxy = createProxy({
 *   upstream: { baseUrl: 'https://app.amberflo.io', apiKey: env.AMBERFLO_API_KEY },
 *   keys: [{ name: 'team-a', hash: 'sha256:…', scopes: ['customers:read'], expiresAt: null, rateLimit: null }],
 * });
 * export default { fetch: proxy.fetch };
 */
export function createProxy(options: ProxyOptions): AmberkitProxy {
  const clock = options.clock ?? Date.now;
  const fetchFn = options.fetch ?? ((request: Request) => fetch(request));
  const logger = options.logger ?? createLogger({ secrets: [options.upstream.apiKey] });
  const metrics = new Metrics();
  const store =
    options.cache?.enabled === false ? null : (options.cache?.store ?? createMemoryStore());
  const limiter = options.rateLimit?.limiter ?? createFixedWindowLimiter(clock);
  const defaultRate =
    options.rateLimit?.default === undefined ? '600/min' : options.rateLimit.default;
  const upstream = createUpstreamClient({
    ...options.upstream,
    fetch: fetchFn,
    ...(options.transport ? { transport: options.transport } : {}),
    onAttempt: (ms) => metrics.upstream(ms),
  });
  const cacheKeys = accountId(options.upstream.apiKey, options.upstream.baseUrl).then(
    createCacheKeys,
  );
  const corsOn = (options.corsOrigins?.length ?? 0) > 0;
  const cors = createCors({
    origins: options.corsOrigins ?? [],
    maxAgeSeconds: options.corsMaxAgeSeconds ?? 600,
  });
  const deps: RouteDeps = {
    keys: toKeySource(options.keys),
    upstream,
    cache: store ? new ResponseCache({ store, clock, onEvent: (e) => metrics.cache(e) }) : null,
    cacheKeys,
    policies: { ...DEFAULT_CACHE_POLICIES, ...options.cache?.policies },
    limiter,
    defaultLimit: defaultRate === null ? null : parseRateSpec(defaultRate),
    bodyLimitBytes: options.bodyLimitBytes ?? 100 * 1024,
    logger,
    metrics,
    clock,
    hashKey: options.hashKey ?? hashKey,
    preflight: corsOn ? cors.preflight : null,
  };

  const app = new Hono<ProxyEnv>();
  app.use(frame());
  app.use(accessLog(logger, metrics));
  if (corsOn) app.use(cors.headers);
  mountOpsRoutes(app, deps, {
    baseUrl: options.upstream.baseUrl.replace(/\/+$/, ''),
    apiKey: options.upstream.apiKey,
    fetch: fetchFn,
    upstreamKind: createUpstreamKind(options.upstream.baseUrl, fetchFn, clock),
    readyTimeoutMs: Math.min(options.upstream.timeoutMs ?? 5_000, 5_000),
  });
  mountApiRoutes(app, deps);
  app.notFound((c) => sendError(c, 404, 'NOT_FOUND', `No route for ${c.req.method} ${c.req.path}`));
  app.onError((error, c) => {
    // A body read cut off because the caller went away (or the Node server timed it out and
    // answered 408 itself): nobody reads this answer, and it is no fault of the proxy's.
    if (callerGone(error, c.req.raw)) {
      c.set('callerGone', true);
      return new Response(null, { status: 499 });
    }
    return sendReply(c, internalErrorReply(error, c.get('requestId'), logger));
  });

  return {
    app,
    fetch: (request, env, ctx) => app.fetch(request, env, ctx as never),
    metrics,
    // CORS headers come from Hono's middleware, so with CORS every request takes the app.
    ...(corsOn ? {} : { fastRead: createFastRead(deps) }),
    async close() {
      await Promise.all([store?.close(), limiter.close?.()]);
    },
  };
}
