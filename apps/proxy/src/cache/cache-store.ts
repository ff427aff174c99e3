/** A cached upstream answer: enough to rebuild the response without touching upstream. */
export type CachedEntry = {
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
  /** When it was fetched, in ms since the epoch (for `Age` and freshness). */
  readonly storedAt: number;
};

/** What a lookup sees: the entry, if any, and the key's invalidation version. */
export type StoreLookup = { readonly entry: CachedEntry | undefined; readonly version: string };

/**
 * The one small interface every cache store implements (memory LRU, Redis). Versions make
 * writes safe: a fetch that began before an invalidation must not store its older answer, so
 * `store` only writes while the key's version is the one its lookup saw. `requestId` is the
 * request a call serves, for the store's log lines (a Redis failure).
 */
export interface CacheStore {
  lookup(key: string, requestId?: string): Promise<StoreLookup>;
  /** Stores `entry` for `ttlMs` if `key` was not invalidated since the lookup; says whether it did. */
  store(
    key: string,
    entry: CachedEntry,
    ttlMs: number,
    version: string,
    requestId?: string,
  ): Promise<boolean>;
  /** Drops the keys and bumps their versions; resolves once every instance would see it. */
  invalidate(keys: readonly string[], requestId?: string): Promise<void>;
  close(): Promise<void>;
  /**
   * The entry, synchronously, for stores that hold it in this process (the memory LRU). It
   * lets a cache HIT answer in the tick its request arrived; stores without it (Redis) always
   * go through `lookup`.
   */
  peek?(key: string): CachedEntry | undefined;
}
