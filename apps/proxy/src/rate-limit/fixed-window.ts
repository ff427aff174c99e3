import type { RateLimiter } from './rate-limiter.js';

/**
 * A fixed-window limiter held in this process or isolate (a window opens at a key's first
 * request). It is the Workers default, as rate-limiter-flexible needs Node, so on Workers
 * limits are per isolate.
 */
export function createFixedWindowLimiter(clock: () => number = Date.now): RateLimiter {
  const windows = new Map<string, { end: number; count: number }>();
  let nextSweep = clock() + 60_000;
  return {
    async consume(id, limit) {
      const now = clock();
      const key = `${id}|${limit.spec}`;
      let window = windows.get(key);
      if (!window || now >= window.end) {
        window = { end: now + limit.windowMs, count: 0 };
        windows.set(key, window);
      }
      window.count++;
      // Drop finished windows now and then so idle keys do not accumulate.
      if (now >= nextSweep) {
        nextSweep = now + 60_000;
        for (const [k, w] of windows) if (now >= w.end) windows.delete(k);
      }
      return {
        allowed: window.count <= limit.points,
        limit: limit.points,
        remaining: Math.max(0, limit.points - window.count),
        resetMs: window.end - now,
      };
    },
  };
}
