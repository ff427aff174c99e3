import type { RedisClientType } from 'redis';
import type { CachedEntry, CacheStore } from '../cache/cache-store.js';
import type { Logger } from '../observability/logger.js';
import { REDIS_TIMEOUT_MS, withDeadline } from './deadline.js';

/** Sets the entry only while the key's version is the one the lookup saw (atomic in Redis). */
const STORE_IF_VERSION = `
if (redis.call('GET', KEYS[2]) or '0') == ARGV[2] then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[3])
  return 1
end
return 0`;

/** Versions outlive any fetch in flight by far; then they may go. */
const VERSION_TTL_MS = 86_400_000;
const UNAVAILABLE = 'redis-unavailable';
/** Most keys whose failed invalidation is remembered one by one; past it, all entries go. */
const MAX_PENDING = 10_000;

export type RedisStoreOptions = {
  readonly client: RedisClientType;
  /** Prepended to every key; tests use a unique one each. Default `amberkit:`. */
  readonly prefix?: string;
  readonly logger?: Logger;
  /** Longest wait for one Redis call; a slower one counts as failed. Default 500 ms. */
  readonly timeoutMs?: number;
  /** Most keys whose failed invalidation is remembered one by one. Default 10,000. */
  readonly maxPending?: number;
};

type Wire = { s: number; c: string; b: string; t: number };

/**
 * Cache store in Redis, shared by every proxy instance: an invalidation by one is seen by
 * all. A Redis failure or a call slower than `timeoutMs` degrades to going upstream (a lookup
 * misses, a store is skipped) and is logged; it never fails the caller's request.
 *
 * An invalidation that fails (or times out: it may or may not have run) is remembered and
 * replayed before this instance uses the key again and as soon as the client reconnects:
 * Redis may come back holding the entry the write replaced, and a read after a write must not
 * be answered with it. Past `maxPending` keys, the replay invalidates every entry under the
 * prefix instead.
 */
export function createRedisStore(options: RedisStoreOptions): CacheStore {
  const { client, logger } = options;
  const prefix = options.prefix ?? 'amberkit:';
  const timeoutMs = options.timeoutMs ?? REDIS_TIMEOUT_MS;
  const maxPending = options.maxPending ?? MAX_PENDING;
  const entryKey = (key: string) => `${prefix}c:${key}`;
  const versionKey = (key: string) => `${prefix}v:${key}`;
  const message = (error: unknown) => (error instanceof Error ? error.message : String(error));
  const warn = (what: string, error: unknown, requestId: string | undefined) =>
    logger?.warn(`redis ${what} failed`, { requestId, error: message(error) });

  const drop = async (keys: Iterable<string>) => {
    const multi = client.multi();
    for (const key of keys) {
      multi.del(entryKey(key));
      multi.incr(versionKey(key));
      multi.pExpire(versionKey(key), VERSION_TTL_MS);
    }
    await withDeadline(multi.exec(), timeoutMs);
  };
  const dropAll = async () => {
    const found: string[] = [];
    const scan = async () => {
      for await (const batch of client.scanIterator({ MATCH: `${prefix}c:*`, COUNT: 1000 }))
        found.push(...batch.map((k) => k.slice(prefix.length + 2)));
    };
    await withDeadline(scan(), timeoutMs * 20);
    for (let i = 0; i < found.length; i += 1000) await drop(found.slice(i, i + 1000));
  };

  // Keys whose invalidation may not have reached Redis, each with the number of its latest
  // failure (a replay forgets only the failures it covered); `overflow`, the latest failure
  // that found the map full (0: none).
  const pending = new Map<string, number>();
  let failures = 0;
  let overflow = 0;
  let replaying: Promise<boolean> | undefined;
  const remember = (keys: readonly string[]) => {
    failures++;
    for (const key of keys) {
      if (pending.size >= maxPending && !pending.has(key)) overflow = failures;
      else pending.set(key, failures);
    }
  };
  /** Replays the failed invalidations (one run at a time); says whether none is left. */
  const replay = (): Promise<boolean> => {
    if (pending.size === 0 && overflow === 0) return Promise.resolve(true);
    replaying ??= (async () => {
      const covered = new Map(pending);
      const all = overflow;
      try {
        if (all > 0) await dropAll();
        else await drop(covered.keys());
        for (const [key, failure] of covered) if (pending.get(key) === failure) pending.delete(key);
        if (overflow === all) overflow = 0;
        logger?.info('redis invalidations replayed', { keys: all > 0 ? 'all' : covered.size });
        return pending.size === 0 && overflow === 0;
      } catch (error) {
        warn('invalidation replay', error, undefined);
        return false;
      } finally {
        replaying = undefined;
      }
    })();
    return replaying;
  };
  client.on('ready', () => void replay());

  return {
    async lookup(key, requestId) {
      const suspect = () => overflow > 0 || pending.has(key);
      if (suspect() && !(await replay()) && suspect())
        return { entry: undefined, version: UNAVAILABLE };
      try {
        const [raw, version] = await withDeadline(
          client.mGet([entryKey(key), versionKey(key)]),
          timeoutMs,
        );
        let entry: CachedEntry | undefined;
        if (raw) {
          const wire = JSON.parse(raw) as Wire;
          entry = { status: wire.s, contentType: wire.c, body: wire.b, storedAt: wire.t };
        }
        return { entry, version: version ?? '0' };
      } catch (error) {
        warn('lookup', error, requestId);
        return { entry: undefined, version: UNAVAILABLE };
      }
    },
    async store(key, entry, ttlMs, version, requestId) {
      if (version === UNAVAILABLE) return false;
      const wire: Wire = {
        s: entry.status,
        c: entry.contentType,
        b: entry.body,
        t: entry.storedAt,
      };
      try {
        const stored = await withDeadline(
          client.eval(STORE_IF_VERSION, {
            keys: [entryKey(key), versionKey(key)],
            arguments: [JSON.stringify(wire), version, String(Math.max(1, Math.ceil(ttlMs)))],
          }),
          timeoutMs,
        );
        return stored === 1;
      } catch (error) {
        warn('store', error, requestId);
        return false;
      }
    },
    async invalidate(keys, requestId) {
      if (keys.length === 0) return;
      try {
        await drop(keys);
      } catch (error) {
        remember(keys);
        logger?.error(
          'redis invalidation failed: replayed when Redis answers again; until then other instances may serve the old value',
          { requestId, error: message(error) },
        );
      }
    },
    async close() {
      // The client is owned by whoever created it (the server closes it once, after draining).
    },
  };
}
