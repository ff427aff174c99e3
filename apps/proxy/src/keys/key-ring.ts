import { parseRateSpec, type RateLimit } from '../config/rate-spec.js';
import type { KeyEntry } from './key-entry.js';

/** A key entry ready for lookups: expiry as a number, rate limit parsed. */
export type ResolvedKey = KeyEntry & {
  readonly expiresAtMs: number | null;
  readonly limit: RateLimit | null;
};

/**
 * An immutable map from key hash to entry. Reloading builds a new ring and swaps the reference,
 * so a request in flight keeps the ring it started with and none is dropped.
 */
export type KeyRing = {
  readonly get: (hash: string) => ResolvedKey | undefined;
  readonly size: number;
};

export function createKeyRing(entries: readonly KeyEntry[]): KeyRing {
  const map = new Map<string, ResolvedKey>();
  for (const entry of entries) {
    map.set(entry.hash, {
      ...entry,
      expiresAtMs: entry.expiresAt === null ? null : Date.parse(entry.expiresAt),
      limit: entry.rateLimit === null ? null : parseRateSpec(entry.rateLimit),
    });
  }
  return { get: (hash) => map.get(hash), size: map.size };
}

/** Where the proxy reads the current ring on each request (a file reload swaps it). */
export type KeySource = { readonly current: () => KeyRing };

/** A key source whose ring can be replaced atomically. */
export function createKeySource(initial: KeyRing): KeySource & { replace(ring: KeyRing): void } {
  let ring = initial;
  return {
    current: () => ring,
    replace(next) {
      ring = next;
    },
  };
}
