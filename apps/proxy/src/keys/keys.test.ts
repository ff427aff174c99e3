import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, test, vi } from 'vitest';
import { generateKey } from './generate-key.js';
import { hashKey } from './hash-key.js';
import { createKeyRing, createKeySource } from './key-ring.js';
import { parseKeyEntries } from './parse-keys.js';

describe('caller keys', () => {
  test('ak_ plus 32 base62 characters, all different', () => {
    const keys = Array.from({ length: 200 }, generateKey);
    for (const key of keys) expect(key).toMatch(/^ak_[0-9A-Za-z]{32}$/);
    expect(new Set(keys).size).toBe(200);
    // 32 symbols of log2(62) bits each: at least 128 bits.
    expect(32 * Math.log2(62)).toBeGreaterThanOrEqual(128);
  });

  test('its characters are crypto.getRandomValues bytes, with bytes ≥ 248 drawn again', () => {
    // Feed known "random" bytes: a key built from anything else would not match them.
    const feed = [248, 255, 0, 61, 62, 247, ...Array.from({ length: 40 }, (_, i) => i)];
    const spy = vi
      .spyOn(globalThis.crypto, 'getRandomValues')
      .mockImplementation(<T extends ArrayBufferView | null>(array: T): T => {
        const bytes = array as unknown as Uint8Array;
        for (let i = 0; i < bytes.length; i++) bytes[i] = feed.shift() ?? 7;
        return array;
      });
    try {
      const key = generateKey();
      expect(spy).toHaveBeenCalled();
      for (const [array] of spy.mock.calls)
        expect((array as unknown as Uint8Array).byteLength).toBeGreaterThanOrEqual(16);
      // 248 and 255 skipped; 0 → '0', 61 → 'z', 62 → '0' again, 247 → 247 % 62 = 61 → 'z'.
      expect(key.slice(0, 7)).toBe('ak_0z0z');
      expect(key).toHaveLength(35);
    } finally {
      spy.mockRestore();
    }
  });

  test('every base62 character turns up (no bias towards a few)', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 400; i++)
      for (const ch of generateKey().slice(3)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    expect(counts.size).toBe(62);
    // 12,800 draws: ~206 each; a broken modulo would skew a few far below.
    expect(Math.min(...counts.values())).toBeGreaterThan(120);
  });

  test('hashKey is sha256:<hex> of the key (Web Crypto agrees with node:crypto)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string(), async (key) => {
        expect(await hashKey(key)).toBe(`sha256:${createHash('sha256').update(key).digest('hex')}`);
      }),
      { numRuns: 50 },
    );
  });

  test('a key ring looks up by hash; a source swaps rings atomically', async () => {
    const hash = await hashKey('ak_x');
    const ring = createKeyRing([
      { name: 'a', hash, scopes: ['*'], expiresAt: '2030-01-01T00:00:00Z', rateLimit: '5/sec' },
    ]);
    expect(ring.get(hash)).toMatchObject({
      name: 'a',
      expiresAtMs: Date.parse('2030-01-01T00:00:00Z'),
      limit: { points: 5, windowMs: 1000 },
    });
    expect(ring.get('ak_x')).toBeUndefined();
    const source = createKeySource(ring);
    const held = source.current();
    source.replace(createKeyRing([]));
    expect(source.current().get(hash)).toBeUndefined();
    expect(held.get(hash)?.name).toBe('a');
  });

  test('two entries with one hash are a configuration error naming both by name, never the hash', async () => {
    const hash = await hashKey('ak_dup');
    const other = await hashKey('ak_other');
    const entry = (name: string, h: string) => ({ name, hash: h, scopes: ['*'] as const });
    const text = JSON.stringify([
      entry('a', hash),
      entry('b', other),
      entry('c', hash),
      entry('d', other),
    ]);
    let thrown: unknown;
    try {
      parseKeyEntries(text, 'AMBERKIT_KEYS', 'env');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({
      name: 'ConfigError',
      source: 'env',
      message:
        'AMBERKIT_KEYS: entries [0] "a" and [2] "c", [1] "b" and [3] "d" have the same hash (one key, two entries); keep one entry per key',
    });
    expect((thrown as Error).message).not.toContain(hash.slice(7, 20));
    const parsed = parseKeyEntries(JSON.stringify([entry('a', hash)]), 'x', 'file');
    expect(() => createKeyRing([...parsed, { ...parsed[0]!, name: 'z' }])).toThrow(
      'keys: entries [0] "a" and [1] "z" have the same hash',
    );
  });
});
