import { describe, expect, test } from 'vitest';
import { matchFaults, parseFaultRules } from './fault-rules.js';

/** A stand-in for the seeded PRNG that hands out the given draws in turn. */
const draws = (...values: number[]) => {
  const queue = [...values];
  return () => {
    const next = queue.shift();
    if (next === undefined) throw new Error('drew more random numbers than expected');
    return next;
  };
};

describe('matchFaults', () => {
  test('jitter adds a uniform draw in [0, jitterMs) to latencyMs, summed over matching rules', () => {
    const rules = parseFaultRules([
      { latencyMs: 100, jitterMs: 40 },
      { path: '/customers', jitterMs: 10 },
      { path: '/payments', latencyMs: 999 },
    ]);
    const low = matchFaults(rules, 'GET', '/customers/x', draws(0, 0));
    expect(low.latencyMs).toBe(100);
    const high = matchFaults(rules, 'GET', '/customers/x', draws(0.5, 0.9));
    expect(high.latencyMs).toBe(100 + 20 + 9);
    expect(high.outcome).toBeUndefined();
  });

  test('method and path prefix select rules; the first rule with an outcome decides', () => {
    const rules = parseFaultRules([
      { method: 'post', path: '/customers', status: 500 },
      { path: '/customers', status: 503 },
      { drop: true },
    ]);
    expect(matchFaults(rules, 'POST', '/customers', draws()).outcome?.status).toBe(500);
    expect(matchFaults(rules, 'GET', '/customers/a', draws()).outcome?.status).toBe(503);
    expect(matchFaults(rules, 'GET', '/payments-x', draws()).outcome).toEqual({ drop: true });
  });

  test('rate draws once per rule below 1 and skips the rule when the draw is not below it', () => {
    const rules = parseFaultRules([{ rate: 0.25, status: 500 }, { hang: true }]);
    expect(matchFaults(rules, 'GET', '/customers', draws(0.2)).outcome?.status).toBe(500);
    expect(matchFaults(rules, 'GET', '/customers', draws(0.25)).outcome).toEqual({ hang: true });
  });
});
