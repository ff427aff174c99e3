import type { RateLimit } from '../config/rate-spec.js';
import type { RateDecision, RateLimiter } from './rate-limiter.js';

/**
 * A fixed-window limiter held in this process or isolate (a window opens at a key's first
 * request). It is the Workers default, as rate-limiter-flexible needs Node (so on Workers
 * limits are per isolate), and the Node default without Redis: it answers synchronously, so
 * a cache HIT never waits for a promise, and costs a map lookup per request.
 */
export function createFixedWindowLimiter(clock: () => number = Date.now): RateLimiter {
  // One map per distinct limit, keyed by the key's hash: no string built per request.
  const bySpec = new Map<string, Map<string, { end: number; count: number }>>();
  let nextSweep = clock() + 60_000;

  const take = (id: string, limit: RateLimit, onlyIfAllowed: boolean): RateDecision | undefined => {
    const now = clock();
    let windows = bySpec.get(limit.spec);
    if (!windows) {
      windows = new Map();
      bySpec.set(limit.spec, windows);
    }
    let window = windows.get(id);
    if (!window || now >= window.end) {
      window = { end: now + limit.windowMs, count: 0 };
      windows.set(id, window);
    }
    if (onlyIfAllowed && window.count >= limit.points) return undefined;
    window.count++;
    // Drop finished windows now and then so idle keys do not accumulate.
    if (now >= nextSweep) {
      nextSweep = now + 60_000;
      for (const map of bySpec.values()) for (const [k, w] of map) if (now >= w.end) map.delete(k);
    }
    return {
      allowed: window.count <= limit.points,
      limit: limit.points,
      remaining: Math.max(0, limit.points - window.count),
      resetMs: window.end - now,
    };
  };

  return {
    consume: async (id, limit) => take(id, limit, false)!,
    consumeIfAllowed: (id, limit) => take(id, limit, true),
  };
}
