import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
} from 'rate-limiter-flexible';
import type { RedisClientType } from 'redis';
import type { RateLimit } from '../config/rate-spec.js';
import type { RateLimiter } from '../rate-limit/rate-limiter.js';

export type FlexibleLimiterOptions = {
  /** Shared buckets in Redis (several instances); in process memory when absent. */
  readonly redis?: RedisClientType;
  readonly prefix?: string;
};

/**
 * Per-key budgets on rate-limiter-flexible: RateLimiterRedis (node-redis, `useRedisPackage`)
 * when several instances share Redis, with an in-memory insurance limiter if Redis fails;
 * RateLimiterMemory otherwise. One limiter per distinct limit (`100/min`, `5/sec` …).
 */
export function createFlexibleLimiter(options: FlexibleLimiterOptions = {}): RateLimiter {
  const prefix = options.prefix ?? 'amberkit:';
  const limiters = new Map<string, RateLimiterAbstract>();
  const limiterFor = (limit: RateLimit): RateLimiterAbstract => {
    let limiter = limiters.get(limit.spec);
    if (!limiter) {
      const shape = { points: limit.points, duration: limit.windowMs / 1000 };
      limiter = options.redis
        ? new RateLimiterRedis({
            ...shape,
            storeClient: options.redis,
            useRedisPackage: true,
            keyPrefix: `${prefix}rl:${limit.spec}`,
            insuranceLimiter: new RateLimiterMemory(shape),
          })
        : new RateLimiterMemory({ ...shape, keyPrefix: `rl:${limit.spec}` });
      limiters.set(limit.spec, limiter);
    }
    return limiter;
  };

  return {
    async consume(id, limit) {
      try {
        const res = await limiterFor(limit).consume(id);
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
