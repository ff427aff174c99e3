import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { fromApiAmount, toApiAmount } from './api-amount.js';
import { equals } from './compare.js';
import { MoneyParseError, PrecisionLossError, UnknownCurrencyError } from './errors.js';
import { money, toDecimalString } from './money.js';

describe('fromApiAmount', () => {
  test.each([
    [99.5, 'USD', '99.50'],
    [0.1, 'USD', '0.10'],
    [0.0012345, 'USD', '0.0012345'],
    [1e-7, 'USD', '0.0000001'],
    [1.5e21, 'USD', '1500000000000000000000.00'],
    [-12.25, 'EUR', '-12.25'],
    [1234, 'JPY', '1234'],
    [0.5, 'JPY', '0.5'],
    [1.234, 'KWD', '1.234'],
    [-0, 'USD', '0.00'],
    [Number.MAX_SAFE_INTEGER + 2, 'USD', '9007199254740992.00'],
  ])('%d %s → %s', (n, currency, text) => {
    expect(toDecimalString(fromApiAmount(n, currency))).toBe(text);
  });

  test('keeps the exact scale information', () => {
    expect(fromApiAmount(0.0012345, 'USD')).toEqual({ amount: 12345n, scale: 7, currency: 'USD' });
    expect(fromApiAmount(5e-324, 'USD')).toEqual({ amount: 5n, scale: 324, currency: 'USD' });
  });

  test.each([
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    '1' as unknown as number,
  ])('refuses %s', (n) => {
    expect(() => fromApiAmount(n, 'USD')).toThrow(MoneyParseError);
    expect(() => fromApiAmount(n, 'USD')).toThrow('is not a finite amount');
  });

  test('refuses an unknown currency', () => {
    expect(() => fromApiAmount(1, 'XXX')).toThrow(UnknownCurrencyError);
  });
});

describe('toApiAmount', () => {
  test('returns the JSON number', () => {
    expect(toApiAmount(money('99.50', 'USD'))).toBe(99.5);
    expect(toApiAmount(money('0.0012345', 'USD'))).toBe(0.0012345);
    expect(toApiAmount(money('-1500', 'JPY'))).toBe(-1500);
  });

  test('throws rather than lose digits', () => {
    const run = () => toApiAmount(money('1234567890.123456789', 'USD'));
    expect(run).toThrow(PrecisionLossError);
    expect(run).toThrow(
      '1234567890.123456789 USD cannot be sent as a JSON number without losing digits',
    );
    expect(() => toApiAmount(money('9007199254740993', 'USD'))).toThrow(PrecisionLossError);
  });

  test('every decimal of up to 15 significant digits goes through (property)', () => {
    const digits = fc.bigInt({ min: -(10n ** 15n) + 1n, max: 10n ** 15n - 1n });
    fc.assert(
      fc.property(digits, fc.integer({ min: 0, max: 20 }), (amount, scale) => {
        const m = money(amount, 'USD', scale);
        expect(equals(fromApiAmount(toApiAmount(m), 'USD'), m)).toBe(true);
      }),
    );
  });

  test('fromApiAmount(n) then toApiAmount gives n back for every finite double (property)', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        expect(toApiAmount(fromApiAmount(n, 'USD'))).toBe(n === 0 ? 0 : n);
      }),
      { numRuns: 2000 },
    );
  });
});
