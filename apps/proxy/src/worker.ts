import { ConfigError } from './config/config-error.js';
import { type Env, loadConfig } from './config/load-config.js';
import { runtimeEnv } from './config/runtime-env.js';
import { type AmberkitProxy, createProxy } from './create-proxy.js';
import { createLogger } from './observability/logger.js';

type ExecutionContext = {
  waitUntil(promise: Promise<unknown>): void;
  passThroughOnException?(): void;
};

let built: { env: Env; proxy: AmberkitProxy } | { env: Env; error: string } | undefined;

/**
 * One proxy per isolate, built from the `env` binding on the first request. A configuration
 * error is kept (the binding will not change); any other failure is not, so the next request
 * tries again.
 */
function proxyFor(env: Env): { proxy: AmberkitProxy } | { error: string; internal?: true } {
  if (built?.env === env) return built;
  try {
    const config = loadConfig(env);
    if (!('entries' in config.keys))
      throw new ConfigError(
        'AMBERKIT_KEYS is required on Workers (there is no file to read)',
        'env',
      );
    if (config.cache.kind === 'redis')
      throw new ConfigError(
        'AMBERKIT_CACHE=redis is Node-only; use memory or off on Workers',
        'env',
      );
    const proxy = createProxy({
      upstream: {
        baseUrl: config.upstream.baseUrl,
        apiKey: config.upstream.apiKey,
        timeoutMs: config.upstream.timeoutMs,
        retries: config.upstream.retries,
      },
      keys: config.keys.entries,
      cache: { enabled: config.cache.kind !== 'off', policies: config.cache.policies },
      rateLimit: { default: config.rateLimit },
      bodyLimitBytes: config.bodyLimitBytes,
      corsOrigins: config.corsOrigins,
      corsMaxAgeSeconds: config.corsMaxAgeSeconds,
      logger: createLogger({ level: config.logLevel, secrets: [config.upstream.apiKey] }),
    });
    built = { env, proxy };
  } catch (error) {
    if (!(error instanceof ConfigError)) {
      // Not the caller's business (the message might name a setting's value): one error line
      // in the Worker's log, and a 500 that points there.
      createLogger().error('proxy could not start', {
        error: error instanceof Error ? error.name : 'unknown',
        message: error instanceof Error ? error.message : String(error),
      });
      return {
        error: `the proxy could not be built (${error instanceof Error ? error.name : 'unknown error'}); see the Worker's log`,
        internal: true,
      };
    }
    built = { env, error: error.message };
  }
  return built;
}

/**
 * The Cloudflare Workers / Bun / Deno module: `export default { fetch }`. Configure it with the
 * same variables as the Node server (AMBERFLO_API_KEY, AMBERKIT_KEYS, …) as Worker secrets and
 * vars. Rate limits and the cache live in the isolate.
 */
export default {
  async fetch(request: Request, env?: unknown, ctx?: ExecutionContext): Promise<Response> {
    const target = proxyFor(runtimeEnv(env));
    if ('error' in target) {
      const message = target.internal
        ? `Internal proxy error: ${target.error}`
        : `Proxy misconfigured: ${target.error}`;
      return new Response(JSON.stringify({ message, code: 'INTERNAL' }), {
        status: 500,
        headers: { 'content-type': 'application/json; charset=utf-8' },
      });
    }
    return target.proxy.fetch(request, env, ctx && 'waitUntil' in ctx ? ctx : undefined);
  },
};
