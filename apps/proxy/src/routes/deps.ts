import type { CacheKeys, CachePolicy, CacheRoute } from '../cache/cache-policy.js';
import type { ResponseCache } from '../cache/response-cache.js';
import type { RateLimit } from '../config/rate-spec.js';
import type { KeySource } from '../keys/key-ring.js';
import type { Logger } from '../observability/logger.js';
import type { Metrics } from '../observability/metrics.js';
import type { RateLimiter } from '../rate-limit/rate-limiter.js';
import type { UpstreamClient } from '../upstream/upstream-client.js';
import type { Preflight } from './cors.js';

/** What the route handlers work with, all passed in by `createProxy`. */
export type RouteDeps = {
  readonly keys: KeySource;
  readonly upstream: UpstreamClient;
  readonly cache: ResponseCache | null;
  readonly cacheKeys: Promise<CacheKeys>;
  readonly policies: Readonly<Record<CacheRoute, CachePolicy>>;
  readonly limiter: RateLimiter | null;
  readonly defaultLimit: RateLimit | null;
  readonly bodyLimitBytes: number;
  readonly logger: Logger;
  readonly metrics: Metrics;
  readonly clock: () => number;
  /** Answers OPTIONS on each known path when CORS is on; null when it is off (405). */
  readonly preflight: Preflight | null;
  /** `sha256:<hex>` of a presented key; Node passes a synchronous node:crypto one. */
  readonly hashKey: (key: string) => string | Promise<string>;
};
