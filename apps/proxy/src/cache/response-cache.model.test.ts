import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { CachePolicy } from './cache-policy.js';
import { createMemoryStore } from './memory-store.js';
import { ResponseCache } from './response-cache.js';

const POLICY: CachePolicy = { ttlMs: 1_000, swrMs: 2_000, sieMs: 5_000 };
const KEYS = ['a', 'b'] as const;
type Key = (typeof KEYS)[number];

/** The system: a cache over an "upstream" of counters, a clock we move by hand. */
type Real = {
  cache: ResponseCache;
  upstream: Record<Key, number>;
  clock: { now: number };
  loads: number;
};

/** What the model knows: what the cache holds for each key and when it was stored. */
type Model = {
  stored: Partial<Record<Key, { value: number; at: number }>>;
  /** Set by a write through the proxy: the next read of the key must be upstream's value. */
  mustBeFresh: Set<Key>;
};

const load = (real: Real, key: Key) => async () => {
  real.loads++;
  return { status: 200, contentType: 'application/json', body: String(real.upstream[key]) };
};

class Read implements fc.AsyncCommand<Model, Real> {
  constructor(readonly key: Key) {}
  check = () => true;
  async run(model: Model, real: Real) {
    const pending: Promise<unknown>[] = [];
    const outcome = await real.cache.get(this.key, POLICY, load(real, this.key), (p) =>
      pending.push(p),
    );
    await Promise.all(pending);
    const value = Number(outcome.entry.body);
    const held = model.stored[this.key];
    const age = held ? real.clock.now - held.at : Number.POSITIVE_INFINITY;
    if (model.mustBeFresh.has(this.key)) expect(value).toBe(real.upstream[this.key]);
    if (outcome.result === 'HIT') {
      expect(age).toBeLessThan(POLICY.ttlMs);
      expect(value).toBe(held?.value);
    } else if (outcome.result === 'STALE') {
      expect(age).toBeGreaterThanOrEqual(POLICY.ttlMs);
      expect(age).toBeLessThan(POLICY.ttlMs + POLICY.swrMs);
      expect(value).toBe(held?.value);
      // The background refresh (awaited above) stored upstream's current value.
      model.stored[this.key] = { value: real.upstream[this.key], at: real.clock.now };
    } else {
      expect(outcome.result).toBe('MISS');
      expect(age).toBeGreaterThanOrEqual(POLICY.ttlMs + POLICY.swrMs);
      expect(value).toBe(real.upstream[this.key]);
      model.stored[this.key] = { value, at: real.clock.now };
    }
    model.mustBeFresh.delete(this.key);
  }
  toString = () => `read(${this.key})`;
}

class WriteThrough implements fc.AsyncCommand<Model, Real> {
  constructor(readonly key: Key) {}
  check = () => true;
  async run(model: Model, real: Real) {
    real.upstream[this.key]++;
    await real.cache.invalidate([this.key]);
    delete model.stored[this.key];
    model.mustBeFresh.add(this.key);
  }
  toString = () => `write(${this.key})`;
}

class ChangeBehindTheProxy implements fc.AsyncCommand<Model, Real> {
  constructor(readonly key: Key) {}
  check = () => true;
  async run(_model: Model, real: Real) {
    real.upstream[this.key]++;
  }
  toString = () => `upstream-change(${this.key})`;
}

class Advance implements fc.AsyncCommand<Model, Real> {
  constructor(readonly ms: number) {}
  check = () => true;
  async run(_model: Model, real: Real) {
    real.clock.now += this.ms;
  }
  toString = () => `advance(${this.ms})`;
}

describe('ResponseCache against a model', () => {
  test('HIT only while fresh, STALE only inside the SWR window, MISS after; read-after-write always fresh', async () => {
    const key = fc.constantFrom(...KEYS);
    const commands = fc.commands(
      [
        key.map((k) => new Read(k)),
        key.map((k) => new WriteThrough(k)),
        key.map((k) => new ChangeBehindTheProxy(k)),
        fc.integer({ min: 1, max: 3_500 }).map((ms) => new Advance(ms)),
      ],
      { maxCommands: 60 },
    );
    await fc.assert(
      fc.asyncProperty(commands, async (cmds) => {
        const clock = { now: 1_700_000_000_000 };
        const real: Real = {
          cache: new ResponseCache({ store: createMemoryStore(), clock: () => clock.now }),
          upstream: { a: 0, b: 0 },
          clock,
          loads: 0,
        };
        await fc.asyncModelRun(
          () => ({ model: { stored: {}, mustBeFresh: new Set<Key>() }, real }),
          cmds,
        );
      }),
      { numRuns: 150 },
    );
  });
});
