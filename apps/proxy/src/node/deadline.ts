/** Default longest wait for one Redis call before it counts as failed. */
export const REDIS_TIMEOUT_MS = 500;

/** A Redis call that did not answer in time (a hung or overloaded server). */
export class RedisTimeoutError extends Error {
  override name = 'RedisTimeoutError' as const;
  constructor(ms: number) {
    super(`no answer from Redis within ${ms} ms`);
  }
}

/**
 * `promise`, or a {@link RedisTimeoutError} after `ms`. node-redis's own command timeout only
 * covers a command still waiting to be written; once written, a Redis that stops answering
 * (stopped, overloaded, a network black hole) would hold the caller forever. The command may
 * still run later: callers treat a timeout as "unknown", never as "not done".
 */
export function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new RedisTimeoutError(ms)), ms);
  });
  // A late rejection of the abandoned call is not an unhandled one.
  promise.catch(() => {});
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}
