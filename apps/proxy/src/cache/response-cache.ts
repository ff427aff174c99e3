import { isUpstreamFailure } from '../upstream/errors.js';
import type { UpstreamResponse } from '../upstream/upstream-client.js';
import type { CachePolicy } from './cache-policy.js';
import { type CachedEntry, type CacheStore, cachedEntry } from './cache-store.js';

export type CacheResult = 'HIT' | 'MISS' | 'STALE' | 'BYPASS';
export type CacheOutcome = { readonly entry: CachedEntry; readonly result: CacheResult };
export type CacheEvent = CacheResult | 'coalesced' | 'revalidate-failed';

export type ResponseCacheOptions = {
  readonly store: CacheStore;
  readonly clock?: () => number;
  readonly onEvent?: (event: CacheEvent) => void;
};

type Load = () => Promise<UpstreamResponse>;
type Flight = Promise<CachedEntry>;
/** A fetch in flight and the key version its lookup saw. */
type Running = { readonly version: string; readonly flight: Flight };

/**
 * Freshness policy and single-flight over any {@link CacheStore}: fresh → HIT; within the
 * stale-while-revalidate window → STALE plus one background refresh; otherwise one upstream
 * fetch per key however many callers wait (they all get MISS), falling back to the stale
 * entry within the stale-if-error window. Only 200 answers are stored (404s never).
 */
export class ResponseCache {
  readonly #store: CacheStore;
  readonly #clock: () => number;
  readonly #onEvent: (event: CacheEvent) => void;
  readonly #flights = new Map<string, Running>();

  constructor(options: ResponseCacheOptions) {
    this.#store = options.store;
    this.#clock = options.clock ?? Date.now;
    this.#onEvent = options.onEvent ?? (() => {});
  }

  async get(
    key: string,
    policy: CachePolicy,
    load: Load,
    defer: (p: Promise<unknown>) => void,
    requestId?: string,
  ): Promise<CacheOutcome> {
    const { entry, version } = await this.#store.lookup(key, requestId);
    const age = entry ? this.#clock() - entry.storedAt : 0;
    if (entry && age < policy.ttlMs) return this.#emit(entry, 'HIT');
    if (entry && age < policy.ttlMs + policy.swrMs) {
      const refresh = this.#fly(key, version, policy, load, requestId).catch(() =>
        this.#onEvent('revalidate-failed'),
      );
      defer(refresh);
      return this.#emit(entry, 'STALE');
    }
    try {
      return this.#emit(await this.#fly(key, version, policy, load, requestId), 'MISS');
    } catch (error) {
      if (entry && age < policy.ttlMs + policy.sieMs && isUpstreamFailure(error))
        return this.#emit(entry, 'STALE');
      throw error;
    }
  }

  /**
   * A fresh entry, synchronously, when the store can answer in-process (see
   * `CacheStore.peek`); undefined when it cannot or the entry is absent or not fresh, and the
   * caller then takes the usual path through {@link get}. Counts nothing: call
   * {@link countHit} once the HIT is served.
   */
  peekFresh(key: string, policy: CachePolicy, now = this.#clock()): CachedEntry | undefined {
    const entry = this.#store.peek?.(key);
    return entry && now - entry.storedAt < policy.ttlMs ? entry : undefined;
  }

  /** Counts a HIT served from {@link peekFresh}. */
  countHit(): void {
    this.#onEvent('HIT');
  }

  /**
   * `Cache-Control: no-cache`: skip the lookup, fetch, and refresh the entry for others; with
   * `refresh` false (`no-store`), fetch and store nothing.
   */
  async bypass(
    key: string,
    policy: CachePolicy,
    load: Load,
    requestId?: string,
    refresh = true,
  ): Promise<CacheOutcome> {
    if (!refresh) return this.#emit(cachedEntry(await load(), this.#clock()), 'BYPASS');
    const { version } = await this.#store.lookup(key, requestId);
    const entry = await this.#fetchAndStore(key, version, policy, load, requestId);
    return this.#emit(entry, 'BYPASS');
  }

  /** Drops the keys (and any fetch in flight for them) before the write's response returns. */
  async invalidate(keys: readonly string[], requestId?: string): Promise<void> {
    for (const key of keys) this.#flights.delete(key);
    await this.#store.invalidate(keys, requestId);
  }

  /** One fetch per key and version; a joined fetch logs under the request that began it. */
  #fly(
    key: string,
    version: string,
    policy: CachePolicy,
    load: Load,
    requestId: string | undefined,
  ): Flight {
    // Join only a fetch that began at the same version: if another instance invalidated the
    // key since (a write there), that fetch may carry the old value, so fetch afresh.
    const running = this.#flights.get(key);
    if (running?.version === version) {
      this.#onEvent('coalesced');
      return running.flight;
    }
    const flight: Flight = this.#fetchAndStore(key, version, policy, load, requestId).finally(
      () => {
        if (this.#flights.get(key)?.flight === flight) this.#flights.delete(key);
      },
    );
    this.#flights.set(key, { version, flight });
    return flight;
  }

  async #fetchAndStore(
    key: string,
    version: string,
    policy: CachePolicy,
    load: Load,
    requestId: string | undefined,
  ): Promise<CachedEntry> {
    const response = await load();
    const entry = cachedEntry(response, this.#clock());
    if (response.status === 200) {
      await this.#store.store(
        key,
        entry,
        policy.ttlMs + Math.max(policy.swrMs, policy.sieMs),
        version,
        requestId,
      );
    }
    return entry;
  }

  #emit(entry: CachedEntry, result: CacheResult): CacheOutcome {
    this.#onEvent(result);
    return { entry, result };
  }
}
