import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { compareDecimals, formatDecimal, parseDecimal, pow10, scaleUp } from './decimal.js';

describe('decimal helpers', () => {
  test.each([
    ['12', 12n, 0],
    ['-0.5', -5n, 1],
    ['+.5', 5n, 1],
    ['5.', 5n, 0],
    ['1e-7', 1n, 7],
    ['1.2345e-7', 12345n, 11],
    ['1.5e+21', 1500000000000000000000n, 0],
    ['2.50E2', 250n, 0],
    ['0.000', 0n, 3],
  ])('parseDecimal(%j) is %s × 10^-%i', (text, amount, scale) => {
    expect(parseDecimal(text)).toEqual({ amount, scale });
  });

  test.each(['', '.', '-', 'e5', '1e', '1.2.3', '1,0', ' 1', 'NaN', '0x10', '1e1001'])(
    'parseDecimal(%j) is not a decimal',
    (text) => {
      expect(parseDecimal(text)).toBeUndefined();
    },
  );

  test('formatDecimal pads and signs', () => {
    expect(formatDecimal({ amount: -5n, scale: 3 })).toBe('-0.005');
    expect(formatDecimal({ amount: 5n, scale: 0 }, 2)).toBe('5.00');
    expect(formatDecimal({ amount: 123n, scale: 0 })).toBe('123');
  });

  test('pow10, scaleUp and compareDecimals', () => {
    expect(pow10(0)).toBe(1n);
    expect(pow10(30)).toBe(10n ** 30n);
    expect(scaleUp(5n, 1, 3)).toBe(500n);
    expect(compareDecimals({ amount: 5n, scale: 1 }, { amount: 50n, scale: 2 })).toBe(0);
    expect(compareDecimals({ amount: -1n, scale: 0 }, { amount: 1n, scale: 9 })).toBe(-1);
  });

  test('formatDecimal then parseDecimal is the identity (property)', () => {
    fc.assert(
      fc.property(fc.bigInt(), fc.integer({ min: 0, max: 40 }), (amount, scale) => {
        expect(parseDecimal(formatDecimal({ amount, scale }))).toEqual({ amount, scale });
      }),
    );
  });

  test('reads String(n) of any finite double as the same number (property)', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        const d = parseDecimal(String(n))!;
        expect(Number(formatDecimal(d))).toBe(n === 0 ? 0 : n);
      }),
    );
  });
});
