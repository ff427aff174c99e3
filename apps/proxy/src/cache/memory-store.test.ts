import { describe, expect, test } from 'vitest';
import type { CachedEntry } from './cache-store.js';
import { createMemoryStore } from './memory-store.js';

const entry = (body: string): CachedEntry => ({
  status: 200,
  contentType: 'application/json',
  body,
  storedAt: 1_700_000_000_000,
});
const MINUTE = 60_000;

describe('memory store (lru-cache)', () => {
  test('bounded by entries: past the bound the least recently used goes first', async () => {
    const store = createMemoryStore({ maxEntries: 3 });
    for (const key of ['a', 'b', 'c']) await store.store(key, entry(key), MINUTE, '0');
    expect((await store.lookup('a')).entry?.body).toBe('a'); // a is now the most recent
    await store.store('d', entry('d'), MINUTE, '0');
    expect((await store.lookup('b')).entry).toBeUndefined();
    for (const key of ['a', 'c', 'd']) expect((await store.lookup(key)).entry?.body).toBe(key);
  });

  test('bounded by bytes: large bodies push out older entries, and one over the budget is refused', async () => {
    // Each 1,000-character body counts 2,000 bytes plus its key and overhead.
    const store = createMemoryStore({ maxEntries: 1_000, maxBytes: 5_000 });
    const big = (c: string) => entry(c.repeat(1_000));
    expect(await store.store('a', big('a'), MINUTE, '0')).toBe(true);
    expect(await store.store('b', big('b'), MINUTE, '0')).toBe(true);
    expect(await store.store('c', big('c'), MINUTE, '0')).toBe(true);
    expect((await store.lookup('a')).entry).toBeUndefined();
    expect((await store.lookup('b')).entry).toBeDefined();
    expect((await store.lookup('c')).entry).toBeDefined();
    expect(await store.store('huge', entry('h'.repeat(3_000)), MINUTE, '0')).toBe(false);
    expect((await store.lookup('huge')).entry).toBeUndefined();
    expect((await store.lookup('c')).entry).toBeDefined();
  });

  test('an entry lives for its ttl; an invalidated key refuses a store from an older lookup', async () => {
    let now = 1_000;
    const store = createMemoryStore({ now: () => now });
    await store.store('k', entry('old'), 20, '0');
    const before = await store.lookup('k');
    expect(before.entry?.body).toBe('old');
    await store.invalidate(['k']);
    expect(await store.store('k', entry('stale fetch'), MINUTE, before.version)).toBe(false);
    const after = await store.lookup('k');
    expect(after.entry).toBeUndefined();
    expect(await store.store('k', entry('short'), 20, after.version)).toBe(true);
    now += 19;
    expect((await store.lookup('k')).entry?.body).toBe('short');
    now += 2;
    expect((await store.lookup('k')).entry).toBeUndefined();
  });
});
