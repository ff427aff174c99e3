import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { compare, equals, isNegative, isZero } from './compare.js';
import { CurrencyMismatchError } from './errors.js';
import { money } from './money.js';

describe('compare and friends', () => {
  test('compare orders by value whatever the scale', () => {
    expect(compare(money('99.5', 'USD'), money('99.50', 'USD'))).toBe(0);
    expect(compare(money('0.0012345', 'USD'), money('0.01', 'USD'))).toBe(-1);
    expect(compare(money('-1', 'USD'), money('-2', 'USD'))).toBe(1);
  });

  test('compare refuses different currencies; equals answers false', () => {
    expect(() => compare(money('1', 'USD'), money('1', 'EUR'))).toThrow(CurrencyMismatchError);
    expect(equals(money('1', 'USD'), money('1', 'EUR'))).toBe(false);
    expect(equals(money('1', 'USD'), money('1.000', 'USD'))).toBe(true);
    expect(equals(money('1', 'USD'), money('1.001', 'USD'))).toBe(false);
  });

  test('isZero and isNegative', () => {
    expect(isZero(money('0.000', 'USD'))).toBe(true);
    expect(isZero(money('0.0000001', 'USD'))).toBe(false);
    expect(isNegative(money('-0.01', 'USD'))).toBe(true);
    expect(isNegative(money('0', 'USD'))).toBe(false);
  });

  test('compare agrees with comparing the scaled integers (property)', () => {
    const m = fc
      .tuple(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.integer({ min: 0, max: 6 }))
      .map(([amount, scale]) => money(amount, 'EUR', scale));
    fc.assert(
      fc.property(m, m, (a, b) => {
        const x = a.amount * 10n ** BigInt(6 - a.scale);
        const y = b.amount * 10n ** BigInt(6 - b.scale);
        expect(compare(a, b)).toBe(x < y ? -1 : x > y ? 1 : 0);
        expect(compare(b, a)).toBe(-compare(a, b) || 0);
      }),
    );
  });
});
