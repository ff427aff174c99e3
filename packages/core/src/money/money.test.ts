import { describe, expect, test } from 'vitest';
import { MoneyParseError, UnknownCurrencyError } from './errors.js';
import { money, toDecimalString } from './money.js';

describe('money', () => {
  test('reads a decimal string exactly, at least at the minor unit', () => {
    expect(money('99.50', 'USD')).toEqual({ amount: 9950n, scale: 2, currency: 'USD' });
    expect(money('99.5', 'usd')).toEqual({ amount: 9950n, scale: 2, currency: 'USD' });
    expect(money('-0.0012345', 'USD')).toEqual({ amount: -12345n, scale: 7, currency: 'USD' });
    expect(money('1e-7', 'USD')).toEqual({ amount: 1n, scale: 7, currency: 'USD' });
    expect(money('1500', 'JPY')).toEqual({ amount: 1500n, scale: 0, currency: 'JPY' });
    expect(money('.5', 'KWD')).toEqual({ amount: 500n, scale: 3, currency: 'KWD' });
  });

  test('a bigint counts minor units unless a scale is given (as in dinero.js)', () => {
    expect(money(995n, 'USD')).toEqual({ amount: 995n, scale: 2, currency: 'USD' });
    expect(money(5n, 'USD', 0)).toEqual({ amount: 500n, scale: 2, currency: 'USD' });
    expect(money(12345n, 'USD', 7)).toEqual({ amount: 12345n, scale: 7, currency: 'USD' });
    expect(() => money(1n, 'USD', -1)).toThrow(RangeError);
    expect(() => money(1n, 'USD', 1.5)).toThrow(RangeError);
  });

  test.each(['', 'abc', '1,000', '1.2.3', '--1', 'NaN', 'Infinity', '1e'])(
    'refuses %j with MoneyParseError',
    (text) => {
      expect(() => money(text, 'USD')).toThrow(MoneyParseError);
      expect(() => money(text, 'USD')).toThrow('is not a decimal number');
    },
  );

  test('refuses an unknown currency', () => {
    expect(() => money('1', 'XYZ')).toThrow(UnknownCurrencyError);
    expect(() => money(1n, 'XYZ')).toThrow(UnknownCurrencyError);
  });
});

describe('toDecimalString', () => {
  test.each([
    [money('99.5', 'USD'), '99.50'],
    [money('1000', 'JPY'), '1000'],
    [money('-0.05', 'USD'), '-0.05'],
    [money('0.0012345', 'USD'), '0.0012345'],
    [money('1.2', 'KWD'), '1.200'],
    [{ amount: 5n, scale: 0, currency: 'USD' }, '5.00'],
    [{ amount: -5n, scale: 3, currency: 'JPY' }, '-0.005'],
  ])('%o → %s', (m, text) => {
    expect(toDecimalString(m)).toBe(text);
  });
});
