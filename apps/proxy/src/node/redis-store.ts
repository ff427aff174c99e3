import type { RedisClientType } from 'redis';
import type { CachedEntry, CacheStore } from '../cache/cache-store.js';
import type { Logger } from '../observability/logger.js';

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

export type RedisStoreOptions = {
  readonly client: RedisClientType;
  /** Prepended to every key; tests use a unique one each. Default `amberkit:`. */
  readonly prefix?: string;
  readonly logger?: Logger;
};

type Wire = { s: number; c: string; b: string; t: number };

/**
 * Cache store in Redis, shared by every proxy instance: an invalidation by one is seen by
 * all. A Redis failure degrades to going upstream (a lookup misses, a store is skipped) and
 * is logged; it never fails the caller's request.
 */
export function createRedisStore(options: RedisStoreOptions): CacheStore {
  const { client, logger } = options;
  const prefix = options.prefix ?? 'amberkit:';
  const entryKey = (key: string) => `${prefix}c:${key}`;
  const versionKey = (key: string) => `${prefix}v:${key}`;
  const warn = (what: string, error: unknown, requestId: string | undefined) =>
    logger?.warn(`redis ${what} failed`, {
      requestId,
      error: error instanceof Error ? error.message : String(error),
    });

  return {
    async lookup(key, requestId) {
      try {
        const [raw, version] = await client.mGet([entryKey(key), versionKey(key)]);
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
        const stored = await client.eval(STORE_IF_VERSION, {
          keys: [entryKey(key), versionKey(key)],
          arguments: [JSON.stringify(wire), version, String(Math.max(1, Math.ceil(ttlMs)))],
        });
        return stored === 1;
      } catch (error) {
        warn('store', error, requestId);
        return false;
      }
    },
    async invalidate(keys, requestId) {
      if (keys.length === 0) return;
      const multi = client.multi();
      for (const key of keys) {
        multi.del(entryKey(key));
        multi.incr(versionKey(key));
        multi.pExpire(versionKey(key), VERSION_TTL_MS);
      }
      try {
        await multi.exec();
      } catch (error) {
        logger?.error(
          'redis invalidation failed: other instances may serve the old value until its TTL',
          {
            requestId,
            error: error instanceof Error ? error.message : String(error),
          },
        );
      }
    },
    async close() {
      // The client is owned by whoever created it (the server closes it once, after draining).
    },
  };
}
