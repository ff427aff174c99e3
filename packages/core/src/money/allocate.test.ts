import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { allocate } from './allocate.js';
import { sum } from './arithmetic.js';
import { equals } from './compare.js';
import { money, toDecimalString } from './money.js';

const parts = (text: string, currency: string, ratios: (number | bigint | string)[]) =>
  allocate(money(text, currency), ratios).map(toDecimalString);

describe('allocate', () => {
  test.each([
    ['100.00', 'USD', [1, 1, 1], ['33.34', '33.33', '33.33']],
    ['0.05', 'USD', [70, 30], ['0.04', '0.01']],
    ['0.05', 'USD', [0.7, 0.3], ['0.04', '0.01']],
    ['10', 'USD', [1, 0, 1], ['5.00', '0.00', '5.00']],
    ['-100', 'USD', [1, 1, 1], ['-33.34', '-33.33', '-33.33']],
    ['1000', 'JPY', [1, 1, 1], ['334', '333', '333']],
    ['1', 'KWD', [1, 2], ['0.333', '0.667']],
    ['0.0012345', 'USD', [1, 1], ['0.0006173', '0.0006172']],
    ['0.01', 'USD', [1, 1, 1], ['0.01', '0.00', '0.00']],
  ])('%s %s by %j → %j', (text, currency, ratios, expected) => {
    expect(parts(text, currency, ratios)).toEqual(expected);
  });

  test('gives leftover units to the largest remainders, not just the first parts', () => {
    // 1.00 by 2:3:4 is 0.2222…, 0.3333…, 0.4444…: the leftover cent goes to the third part.
    expect(parts('1.00', 'USD', [2, 3, 4])).toEqual(['0.22', '0.33', '0.45']);
    expect(parts('0.10', 'USD', [1, 1, 1, 7])).toEqual(['0.01', '0.01', '0.01', '0.07']);
  });

  test.each([[[]], [[0, 0]], [[1, -1]], [[Number.NaN]], [['x']]])('refuses ratios %j', (ratios) => {
    expect(() => allocate(money('1', 'USD'), ratios)).toThrow(RangeError);
  });

  test('parts sum to the total and each is within one unit of its exact share (property)', () => {
    const total = fc
      .tuple(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), fc.integer({ min: 0, max: 6 }))
      .map(([amount, scale]) => money(amount, 'USD', scale));
    const ratios = fc
      .array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 12 })
      .filter((r) => r.some((x) => x > 0));
    fc.assert(
      fc.property(total, ratios, (m, rs) => {
        const out = allocate(m, rs);
        expect(out).toHaveLength(rs.length);
        expect(equals(sum(out, 'USD'), m)).toBe(true);
        const weight = BigInt(rs.reduce((a, b) => a + b, 0));
        const units = m.amount; // out[i].scale === m.scale here (m.scale ≥ 2)
        out.forEach((part, i) => {
          expect(part.scale).toBe(m.scale);
          const error = part.amount * weight - units * BigInt(rs[i]!);
          expect(error < weight && error > -weight).toBe(true);
          if (rs[i] === 0) expect(part.amount).toBe(0n);
        });
      }),
    );
  });

  test('equal ratios give parts that differ by at most one minor unit (property)', () => {
    const total = fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }).map((a) => money(a, 'EUR'));
    fc.assert(
      fc.property(total, fc.integer({ min: 1, max: 50 }), (m, n) => {
        const amounts = allocate(m, Array(n).fill(1)).map((p) => p.amount);
        const sorted = [...amounts].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        expect(sorted.at(-1)! - sorted[0]! <= 1n).toBe(true);
        expect(amounts.reduce((a, b) => a + b)).toBe(m.amount);
      }),
    );
  });
});
