import { ConfigError } from '../config/config-error.js';
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

/**
 * Entries that share a hash, named by index and name (never by hash: it identifies the key),
 * or undefined when every hash is different. One key with two entries would get whichever
 * came last, scopes and limits included, without a word.
 */
export function duplicateHashes(entries: readonly KeyEntry[]): string | undefined {
  const first = new Map<string, number>();
  const clashes: string[] = [];
  entries.forEach((entry, i) => {
    const at = first.get(entry.hash);
    if (at === undefined) first.set(entry.hash, i);
    else
      clashes.push(
        `[${at}] ${JSON.stringify(entries[at]!.name)} and [${i}] ${JSON.stringify(entry.name)}`,
      );
  });
  if (clashes.length === 0) return undefined;
  return `entries ${clashes.join(', ')} have the same hash (one key, two entries); keep one entry per key`;
}

/** A ring of `entries`; throws {@link ConfigError} when two entries share a hash. */
export function createKeyRing(entries: readonly KeyEntry[]): KeyRing {
  const duplicated = duplicateHashes(entries);
  if (duplicated) throw new ConfigError(`keys: ${duplicated}`, 'env');
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
