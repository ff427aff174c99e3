import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { money, toDecimalString } from './money.js';
import { divideRounded, type RoundingMode, round } from './round.js';

const r = (text: string, mode?: RoundingMode, currency = 'USD') =>
  toDecimalString(round(money(text, currency), mode));

describe('round', () => {
  test.each([
    // value, half-even, half-up, down, up
    ['1.005', '1.00', '1.01', '1.00', '1.01'],
    ['1.015', '1.02', '1.02', '1.01', '1.02'],
    ['1.0151', '1.02', '1.02', '1.01', '1.02'],
    ['1.0049', '1.00', '1.00', '1.00', '1.01'],
    ['-1.005', '-1.00', '-1.01', '-1.00', '-1.01'],
    ['-1.015', '-1.02', '-1.02', '-1.01', '-1.02'],
    ['0.0012345', '0.00', '0.00', '0.00', '0.01'],
    ['2.50', '2.50', '2.50', '2.50', '2.50'],
  ])('%s → half-even %s, half-up %s, down %s, up %s', (value, even, halfUp, down, up) => {
    expect(r(value)).toBe(even);
    expect(r(value, 'half-even')).toBe(even);
    expect(r(value, 'half-up')).toBe(halfUp);
    expect(r(value, 'down')).toBe(down);
    expect(r(value, 'up')).toBe(up);
  });

  test('rounds to the currency minor unit', () => {
    expect(r('2.5', 'half-even', 'JPY')).toBe('2');
    expect(r('3.5', 'half-even', 'JPY')).toBe('4');
    expect(r('1.23456', 'half-up', 'KWD')).toBe('1.235');
    expect(round(money('1.23456', 'CLF'))).toEqual({ amount: 12346n, scale: 4, currency: 'CLF' });
  });

  test('an amount at or below the minor unit comes back at exactly that scale', () => {
    expect(round({ amount: 5n, scale: 0, currency: 'USD' })).toEqual({
      amount: 500n,
      scale: 2,
      currency: 'USD',
    });
  });

  test('an explicit scale rounds elsewhere', () => {
    expect(toDecimalString(round(money('0.0012345', 'USD'), 'half-up', 4))).toBe('0.0012');
    expect(() => round(money('1', 'USD'), 'half-even', -1)).toThrow(RangeError);
  });

  test('an unknown mode is refused', () => {
    expect(() => round(money('1', 'USD'), 'nearest' as RoundingMode)).toThrow(
      'Unknown rounding mode "nearest"',
    );
  });

  test('every mode lands within one unit, on the right side, and half-even matches the definition (property)', () => {
    const modes = fc.constantFrom<RoundingMode>('half-even', 'half-up', 'down', 'up');
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }),
        fc.bigInt({ min: 1n, max: 10n ** 6n }),
        modes,
        (n, d, mode) => {
          const q = divideRounded(n, d, mode);
          const diff = q * d - n; // the rounding error times d
          const abs = diff < 0n ? -diff : diff;
          expect(abs < d).toBe(true);
          if (mode === 'down')
            expect(q * d * (n < 0n ? -1n : 1n) <= n * (n < 0n ? -1n : 1n)).toBe(true);
          if (mode === 'up')
            expect(q * d * (n < 0n ? -1n : 1n) >= n * (n < 0n ? -1n : 1n)).toBe(true);
          if (mode.startsWith('half')) expect(2n * abs <= d).toBe(true);
          if (mode === 'half-even' && 2n * abs === d) expect(q % 2n).toBe(0n);
        },
      ),
    );
  });
});
