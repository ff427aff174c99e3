import type { RedisClientType } from 'redis';
import type { CachedEntry, CacheStore } from '../cache/cache-store.js';
import type { Logger } from '../observability/logger.js';
import { REDIS_TIMEOUT_MS, withDeadline } from './deadline.js';

/**
 * Sets the entry only while the key's version and the prefix's epoch are the ones the lookup
 * saw (atomic in Redis).
 */
const STORE_IF_VERSION = `
if (redis.call('GET', KEYS[2]) or '0') == ARGV[2] and (redis.call('GET', KEYS[3]) or '0') == ARGV[4] then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[3])
  return 1
end
return 0`;

/**
 * Drops entries and bumps their versions: KEYS holds entry, version pairs. One command, so a
 * full client queue refuses all of it, never half a transaction.
 */
const DROP = `
for i = 1, #KEYS, 2 do
  redis.call('DEL', KEYS[i])
  redis.call('INCR', KEYS[i + 1])
  redis.call('PEXPIRE', KEYS[i + 1], ARGV[1])
end
return 1`;

/** Versions outlive any fetch in flight by far; then they may go. */
const VERSION_TTL_MS = 86_400_000;
const UNAVAILABLE = 'redis-unavailable';
/** Most keys whose failed invalidation is remembered one by one; past it, all entries go. */
const MAX_PENDING = 10_000;
/** First and longest wait before a failed replay is tried again. */
const RETRY_FIRST_MS = 250;
const RETRY_MAX_MS = 5_000;

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

/** An entry as stored: `e` is the epoch it was stored in (absent: `0`). */
type Wire = { s: number; c: string; b: string; t: number; e?: string };

/**
 * Cache store in Redis, shared by every proxy instance: an invalidation by one is seen by
 * all. A Redis failure or a call slower than `timeoutMs` degrades to going upstream (a lookup
 * misses, a store is skipped) and is logged; it never fails the caller's request.
 *
 * An invalidation that fails (or times out: it may or may not have run) is remembered and
 * replayed before this instance uses the key again, as soon as the client reconnects, and
 * then with backoff until it succeeds: Redis may come back holding the entry the write
 * replaced, and a read after a write must not be answered with it. Past `maxPending` keys,
 * the replay bumps the prefix's epoch instead (one `INCR`): every entry stored before it is
 * ignored, and every store from a lookup made before it refused.
 */
export function createRedisStore(options: RedisStoreOptions): CacheStore {
  const { client, logger } = options;
  const prefix = options.prefix ?? 'amberkit:';
  const timeoutMs = options.timeoutMs ?? REDIS_TIMEOUT_MS;
  const maxPending = options.maxPending ?? MAX_PENDING;
  const entryKey = (key: string) => `${prefix}c:${key}`;
  const versionKey = (key: string) => `${prefix}v:${key}`;
  const epochKey = `${prefix}epoch`;
  const message = (error: unknown) => (error instanceof Error ? error.message : String(error));
  const warn = (what: string, error: unknown, requestId: string | undefined) =>
    logger?.warn(`redis ${what} failed`, { requestId, error: message(error) });

  const drop = async (keys: Iterable<string>) => {
    const pairs: string[] = [];
    for (const key of keys) pairs.push(entryKey(key), versionKey(key));
    await withDeadline(
      client.eval(DROP, { keys: pairs, arguments: [String(VERSION_TTL_MS)] }),
      timeoutMs,
    );
  };
  const dropAll = async () => {
    await withDeadline(client.incr(epochKey), timeoutMs);
  };

  // Keys whose invalidation may not have reached Redis, each with the number of its latest
  // failure (a replay forgets only the failures it covered); `overflow`, the latest failure
  // that found the map full (0: none).
  const pending = new Map<string, number>();
  let failures = 0;
  let overflow = 0;
  let replaying: Promise<boolean> | undefined;
  let closed = false;
  // One "replay failed" line per outage: the next is logged after a replay succeeded.
  let failureLogged = false;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let retryMs = RETRY_FIRST_MS;
  const left = () => pending.size > 0 || overflow > 0;
  /** Tries the replay again later while anything is left (a hung Redis sends no `ready`). */
  const retry = () => {
    if (closed || retryTimer || !left()) return;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      void replay();
    }, retryMs);
    retryTimer.unref?.();
    retryMs = Math.min(retryMs * 2, RETRY_MAX_MS);
  };
  const remember = (keys: readonly string[]) => {
    failures++;
    for (const key of keys) {
      if (pending.size >= maxPending && !pending.has(key)) overflow = failures;
      else pending.set(key, failures);
    }
    retry();
  };
  /** Replays the failed invalidations (one run at a time); says whether none is left. */
  const replay = (): Promise<boolean> => {
    if (!left()) return Promise.resolve(true);
    replaying ??= (async () => {
      const covered = new Map(pending);
      const all = overflow;
      try {
        if (all > 0) await dropAll();
        else await drop(covered.keys());
        for (const [key, failure] of covered) if (pending.get(key) === failure) pending.delete(key);
        if (overflow === all) overflow = 0;
        logger?.info('redis invalidations replayed', { keys: all > 0 ? 'all' : covered.size });
        failureLogged = false;
        retryMs = RETRY_FIRST_MS;
        return !left();
      } catch (error) {
        if (!failureLogged) warn('invalidation replay', error, undefined);
        failureLogged = true;
        return false;
      } finally {
        replaying = undefined;
        retry();
      }
    })();
    return replaying;
  };
  client.on('ready', () => void replay());

  return {
    async lookup(key, requestId) {
      const suspect = () => overflow > 0 || pending.has(key);
      // The replay may go on in the background; a request waits for it at most `timeoutMs`.
      const replayed = () => withDeadline(replay(), timeoutMs).catch(() => false);
      if (suspect() && !(await replayed()) && suspect())
        return { entry: undefined, version: UNAVAILABLE };
      try {
        const [raw, version, epoch] = await withDeadline(
          client.mGet([entryKey(key), versionKey(key), epochKey]),
          timeoutMs,
        );
        let entry: CachedEntry | undefined;
        if (raw) {
          const wire = JSON.parse(raw) as Wire;
          // An entry from before the latest epoch may predate a write: ignored.
          if ((wire.e ?? '0') === (epoch ?? '0'))
            entry = { status: wire.s, contentType: wire.c, body: wire.b, storedAt: wire.t };
        }
        return { entry, version: `${epoch ?? '0'}.${version ?? '0'}` };
      } catch (error) {
        warn('lookup', error, requestId);
        return { entry: undefined, version: UNAVAILABLE };
      }
    },
    async store(key, entry, ttlMs, version, requestId) {
      if (version === UNAVAILABLE) return false;
      // `epoch.version` from a lookup; a bare version is one from epoch 0.
      const dot = version.indexOf('.');
      const epoch = dot < 0 ? '0' : version.slice(0, dot);
      const wire: Wire = {
        s: entry.status,
        c: entry.contentType,
        b: entry.body,
        t: entry.storedAt,
        e: epoch,
      };
      try {
        const stored = await withDeadline(
          client.eval(STORE_IF_VERSION, {
            keys: [entryKey(key), versionKey(key), epochKey],
            arguments: [
              JSON.stringify(wire),
              dot < 0 ? version : version.slice(dot + 1),
              String(Math.max(1, Math.ceil(ttlMs))),
              epoch,
            ],
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
      // The client is owned by whoever created it (the server closes it once, after
      // draining); what is still remembered gets one last try, bounded like any call.
      closed = true;
      clearTimeout(retryTimer);
      retryTimer = undefined;
      if (!left()) return;
      const done = await withDeadline(replay(), timeoutMs).catch(() => false);
      if (!done)
        logger?.error(
          'redis invalidations not replayed at shutdown: other instances may serve the old values until they expire',
          { keys: pending.size, all: overflow > 0 },
        );
    },
  };
}
