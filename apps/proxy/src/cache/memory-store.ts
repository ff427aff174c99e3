import { LRUCache } from 'lru-cache';
import type { CachedEntry, CacheStore } from './cache-store.js';

export type MemoryStoreOptions = {
  /** Most entries kept. Default 10,000. */
  readonly maxEntries?: number;
  /** Most bytes of bodies kept (roughly: UTF-16 length plus overhead). Default 64 MiB. */
  readonly maxBytes?: number;
  /** The clock entries expire by, in ms (lru-cache's `perf`); for tests. */
  readonly now?: () => number;
};

const ENTRY_OVERHEAD = 128;

/**
 * In-process store on lru-cache, bounded both by entries and by bytes (`maxSize` with a
 * `sizeCalculation`); each entry lives until its last stale window ends (`ttl` per item).
 */
export function createMemoryStore(options: MemoryStoreOptions = {}): CacheStore {
  const entries = new LRUCache<string, CachedEntry>({
    max: options.maxEntries ?? 10_000,
    maxSize: options.maxBytes ?? 64 * 1024 * 1024,
    sizeCalculation: (entry, key) => entry.body.length * 2 + key.length * 2 + ENTRY_OVERHEAD,
    ...(options.now ? { perf: { now: options.now }, ttlResolution: 0 } : {}),
  });
  // Versions outlive entries (an invalidated key has no entry but must keep its new version).
  // Bounded at four times the entries: a version is only forgotten after that many newer
  // invalidations, far longer than any fetch stays in flight.
  const versions = new LRUCache<string, number>({ max: (options.maxEntries ?? 10_000) * 4 });
  let epoch = 0;

  return {
    async lookup(key) {
      return { entry: entries.get(key), version: String(versions.get(key) ?? 0) };
    },
    async store(key, entry, ttlMs, version) {
      if (String(versions.get(key) ?? 0) !== version) return false;
      entries.set(key, entry, { ttl: ttlMs });
      // lru-cache refuses an entry larger than the whole byte budget: say so.
      return entries.has(key);
    },
    async invalidate(keys) {
      for (const key of keys) {
        entries.delete(key);
        // A fresh epoch rather than n+1, so a version evicted and recreated never repeats.
        versions.set(key, ++epoch);
      }
    },
    async close() {
      entries.clear();
    },
    peek(key) {
      return entries.get(key);
    },
  };
}
