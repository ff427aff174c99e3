/** Cached GET routes. */
export type CacheRoute = 'customers' | 'customer' | 'invoices';
export const CACHE_ROUTES: readonly CacheRoute[] = ['customers', 'customer', 'invoices'];

/** Freshness of one route: fresh for `ttlMs`, then served stale while revalidating for
 * `swrMs`, and served stale when upstream fails for `sieMs` (both counted from expiry). */
export type CachePolicy = {
  readonly ttlMs: number;
  readonly swrMs: number;
  readonly sieMs: number;
};

export const DEFAULT_CACHE_POLICIES: Readonly<Record<CacheRoute, CachePolicy>> = {
  customers: { ttlMs: 10_000, swrMs: 30_000, sieMs: 300_000 },
  customer: { ttlMs: 30_000, swrMs: 30_000, sieMs: 300_000 },
  invoices: { ttlMs: 60_000, swrMs: 60_000, sieMs: 300_000 },
};

/**
 * Cache keys: the upstream account (a hash of the Amberflo key and base URL) first, so two
 * proxies with different keys sharing a store never meet, then the route and its parameter.
 * The caller's key never takes part: callers with the same scope share entries.
 */
export type CacheKeys = {
  customers(): string;
  customer(customerId: string): string;
  invoices(customerId: string): string;
};

export function createCacheKeys(account: string): CacheKeys {
  return {
    customers: () => `${account}:customers`,
    customer: (id) => `${account}:customer:${encodeURIComponent(id)}`,
    invoices: (id) => `${account}:invoices:${encodeURIComponent(id)}`,
  };
}

/** The account part of cache keys: never the key itself, only a digest of it. */
export async function accountId(apiKey: string, baseUrl: string): Promise<string> {
  const data = new TextEncoder().encode(`${apiKey}\n${baseUrl.replace(/\/+$/, '')}`);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', data));
  return Array.from(digest.subarray(0, 16), (b) => b.toString(16).padStart(2, '0')).join('');
}
