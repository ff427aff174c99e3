import { ConfigError } from './config/config-error.js';
import { type Env, loadConfig } from './config/load-config.js';
import { runtimeEnv } from './config/runtime-env.js';
import type { AmberkitProxy } from './create-proxy.js';
import { createLogger } from './observability/logger.js';

type ExecutionContext = {
  waitUntil(promise: Promise<unknown>): void;
  passThroughOnException?(): void;
};

let built: { env: Env; proxy: AmberkitProxy } | { env: Env; error: string } | undefined;

// Loaded on the first request, not when the module is: cockatiel (the upstream breaker) aborts
// an AbortController as its module is evaluated, and workerd refuses to start a Worker that
// does that in the global scope ("Disallowed operation called within global scope").
let proxyModule: Promise<typeof import('./create-proxy.js')> | undefined;

/** One proxy per isolate, built from the `env` binding on the first request. */
async function proxyFor(env: Env): Promise<{ proxy: AmberkitProxy } | { error: string }> {
  if (built?.env === env) return built;
  proxyModule ??= import('./create-proxy.js');
  const { createProxy } = await proxyModule;
  // Requests that waited on the import together build one proxy.
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
    if (!(error instanceof ConfigError)) throw error;
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
    const target = await proxyFor(runtimeEnv(env));
    if ('error' in target) {
      return new Response(
        JSON.stringify({ message: `Proxy misconfigured: ${target.error}`, code: 'INTERNAL' }),
        {
          status: 500,
          headers: { 'content-type': 'application/json; charset=utf-8' },
        },
      );
    }
    return target.proxy.fetch(request, env, ctx && 'waitUntil' in ctx ? ctx : undefined);
  },
};
