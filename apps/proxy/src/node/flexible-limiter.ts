import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
} from 'rate-limiter-flexible';
import type { RedisClientType } from 'redis';
import type { RateLimit } from '../config/rate-spec.js';
import type { RateLimiter } from '../rate-limit/rate-limiter.js';
import { REDIS_TIMEOUT_MS, withDeadline } from './deadline.js';

export type FlexibleLimiterOptions = {
  /** Shared buckets in Redis (several instances); in process memory when absent. */
  readonly redis?: RedisClientType;
  readonly prefix?: string;
  /** Longest wait for Redis before the in-memory insurance limiter counts. Default 500 ms. */
  readonly timeoutMs?: number;
};

/**
 * Per-key budgets on rate-limiter-flexible: RateLimiterRedis (node-redis, `useRedisPackage`)
 * when several instances share Redis, with an in-memory insurance limiter, charged once per
 * call, if Redis fails or does not answer within `timeoutMs` (rate-limiter-flexible has no deadline of its own, and a
 * hung Redis would hold every request); RateLimiterMemory otherwise. One limiter per distinct
 * limit (`100/min`, `5/sec` …).
 */
export function createFlexibleLimiter(options: FlexibleLimiterOptions = {}): RateLimiter {
  const prefix = options.prefix ?? 'amberkit:';
  const timeoutMs = options.timeoutMs ?? REDIS_TIMEOUT_MS;
  type Limiters = { main: RateLimiterAbstract; insurance: RateLimiterAbstract | undefined };
  const limiters = new Map<string, Limiters>();
  const limiterFor = (limit: RateLimit): Limiters => {
    let found = limiters.get(limit.spec);
    if (!found) {
      const shape = { points: limit.points, duration: limit.windowMs / 1000 };
      const insurance = options.redis ? new RateLimiterMemory(shape) : undefined;
      found = {
        main: insurance
          ? new RateLimiterRedis({
              ...shape,
              storeClient: options.redis,
              useRedisPackage: true,
              keyPrefix: `${prefix}rl:${limit.spec}`,
              // No `insuranceLimiter`: a call that timed out here and failed later would
              // charge the insurance a second time; the wrapper charges it once.
            })
          : new RateLimiterMemory({ ...shape, keyPrefix: `rl:${limit.spec}` }),
        insurance,
      };
      limiters.set(limit.spec, found);
    }
    return found;
  };
  const consume = async (id: string, limit: RateLimit): Promise<RateLimiterRes> => {
    const { main, insurance } = limiterFor(limit);
    if (!insurance) return main.consume(id);
    try {
      return await withDeadline(main.consume(id), timeoutMs);
    } catch (error) {
      // A RateLimiterRes is Redis's answer (limited); anything else, a failure or a timeout.
      if (error instanceof RateLimiterRes) throw error;
      return insurance.consume(id);
    }
  };

  return {
    async consume(id, limit) {
      try {
        const res = await consume(id, limit);
        return {
          allowed: true,
          limit: limit.points,
          remaining: res.remainingPoints,
          resetMs: res.msBeforeNext,
        };
      } catch (rejection) {
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
        return {
          allowed: false,
          limit: limit.points,
          remaining: 0,
          resetMs: rejection.msBeforeNext,
        };
      }
    },
  };
}
