import { cachedEntry } from '../cache/cache-store.js';
import type { CacheBypass } from '../cache/request-directives.js';
import type { CacheOutcome } from '../cache/response-cache.js';
import type { Frame } from '../observability/frame.js';
import type { UpstreamResponse } from '../upstream/upstream-client.js';
import type { RouteDeps } from './deps.js';
import type { Operation } from './operations.js';
import { failureReply, type Reply, upstreamReply } from './reply.js';

/** One cached GET, resolved to its cache key and upstream path. */
export type ReadRequest = {
  readonly op: Operation;
  readonly key: string;
  /** Upstream path and query, encoded. */
  readonly path: string;
  readonly requestId: string;
  /** The caller asked to skip the cache (`Cache-Control: no-cache`, `no-store` …). */
  readonly bypass: CacheBypass;
  /** Where Server-Timing's cache and upstream times go. */
  readonly timings: Frame['timings'];
  /** Runs a background refresh past the response (`waitUntil` on Workers). */
  readonly defer: (p: Promise<unknown>) => void;
};

/** The reply with what the access log records. */
export type ReadResult = {
  readonly reply: Reply;
  readonly cacheResult: string;
  readonly upstreamMs: number | undefined;
};

/**
 * A cached GET after authorisation: cache lookup (or bypass), one upstream fetch per key,
 * X-Cache and Age. Framework-free, so the app and the Node fast path run the same steps.
 */
export async function readThrough(request: ReadRequest, deps: RouteDeps): Promise<ReadResult> {
  const { key, path, requestId, timings } = request;
  const policy = deps.policies[request.op.cache ?? 'customers'];
  let upstreamMs: number | undefined;
  const load = async (): Promise<UpstreamResponse> => {
    const started = performance.now();
    try {
      return await deps.upstream.send({ method: 'GET', path, requestId });
    } finally {
      upstreamMs = performance.now() - started;
      timings.upstream = upstreamMs;
    }
  };

  // What X-Cache says when upstream fails and nothing stale stands in, as the design's table
  // gives: the caller skipped the cache, or it missed.
  const failed = !deps.cache || request.bypass ? 'BYPASS' : 'MISS';
  const started = performance.now();
  let outcome: CacheOutcome;
  try {
    if (!deps.cache) {
      outcome = { entry: cachedEntry(await load(), deps.clock()), result: 'BYPASS' };
      deps.metrics.cache('BYPASS');
    } else if (request.bypass) {
      const refresh = request.bypass === 'no-cache';
      outcome = await deps.cache.bypass(key, policy, load, requestId, refresh);
    } else outcome = await deps.cache.get(key, policy, load, request.defer, requestId);
  } catch (error) {
    // In the header, the log line and the cache metrics alike.
    deps.metrics.cache(failed);
    const reply = failureReply(error, requestId, { 'x-cache': failed, age: '0' });
    return { reply, cacheResult: failed, upstreamMs };
  } finally {
    timings.cache = performance.now() - started;
  }
  const { entry, result } = outcome;
  const age =
    result === 'HIT' || result === 'STALE'
      ? Math.max(0, Math.floor((deps.clock() - entry.storedAt) / 1000))
      : 0;
  const reply = upstreamReply(entry, requestId, deps.logger, {
    'x-cache': result,
    age: String(age),
  });
  return { reply, cacheResult: result, upstreamMs };
}
