import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { fromApiAmount } from './api-amount.js';
import { add, multiply, negate, subtract, sum } from './arithmetic.js';
import { compare, equals } from './compare.js';
import { CURRENCY_CODES } from './currencies.js';
import { CurrencyMismatchError, UnknownCurrencyError } from './errors.js';
import { type Money, money, toDecimalString } from './money.js';

const usd = (text: string) => money(text, 'USD');
/** Any USD amount with 0–9 decimals. */
const anyUsd = fc
  .tuple(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), fc.integer({ min: 0, max: 9 }))
  .map(([amount, scale]) => money(amount, 'USD', scale));

describe('add and subtract', () => {
  test('0.1 + 0.2 is exactly 0.3', () => {
    const total = add(fromApiAmount(0.1, 'USD'), fromApiAmount(0.2, 'USD'));
    expect(toDecimalString(total)).toBe('0.30');
    expect(equals(total, fromApiAmount(0.3, 'USD'))).toBe(true);
  });

  test('works at the larger scale', () => {
    expect(add(usd('1.10'), usd('0.0012345'))).toEqual({
      amount: 11012345n,
      scale: 7,
      currency: 'USD',
    });
    expect(toDecimalString(subtract(usd('1'), usd('0.0000001')))).toBe('0.9999999');
  });

  test('refuse different currencies', () => {
    expect(() => add(usd('1'), money('1', 'EUR'))).toThrow(CurrencyMismatchError);
    expect(() => subtract(money('1', 'JPY'), usd('1'))).toThrow('Cannot combine JPY with USD');
  });

  test('subtract undoes add (property)', () => {
    fc.assert(fc.property(anyUsd, anyUsd, (a, b) => equals(subtract(add(a, b), b), a)));
  });

  test('negate twice is the identity and a + (−a) is zero (property)', () => {
    fc.assert(
      fc.property(anyUsd, (a) => {
        expect(negate(negate(a))).toEqual(a);
        expect(add(a, negate(a)).amount).toBe(0n);
      }),
    );
  });
});

describe('sum', () => {
  test('10,000 × 0.01 is exactly 100.00', () => {
    const cents = Array.from({ length: 10_000 }, () => fromApiAmount(0.01, 'USD'));
    expect(toDecimalString(sum(cents))).toBe('100.00');
    expect(cents.reduce((a, m) => a + Number(toDecimalString(m)), 0)).not.toBe(100);
  });

  test('adds invoice totals of mixed precision exactly', () => {
    const totals = [0.1, 0.2, 99.5, 0.0012345, 1e-7].map((n) => fromApiAmount(n, 'USD'));
    expect(toDecimalString(sum(totals))).toBe('99.8012346');
  });

  test('an empty list sums to zero in the given currency, or needs one', () => {
    expect(sum([], 'jpy')).toEqual({ amount: 0n, scale: 0, currency: 'JPY' });
    expect(() => sum([])).toThrow('sum() of an empty list needs a currency');
    expect(() => sum([], 'XYZ')).toThrow(UnknownCurrencyError);
  });

  test('refuses a list with another currency', () => {
    expect(() => sum([usd('1'), money('1', 'EUR')])).toThrow(CurrencyMismatchError);
    expect(() => sum([usd('1')], 'EUR')).toThrow('Cannot combine EUR with USD');
  });

  test('equals the exact sum of the decimal strings computed with bigint (property)', () => {
    const exact = (list: Money[]) => {
      const scale = 9;
      const total = list.reduce((acc, m) => {
        const [int = '', frac = ''] = toDecimalString(m).replace('-', '').split('.');
        const units = BigInt(int + frac.padEnd(scale, '0'));
        return acc + (m.amount < 0n ? -units : units);
      }, 0n);
      return total;
    };
    fc.assert(
      fc.property(fc.array(anyUsd, { maxLength: 50 }), (list) => {
        const s = sum(list, 'USD');
        expect(s.amount * 10n ** BigInt(9 - s.scale)).toBe(exact(list));
      }),
    );
  });

  test('sums API numbers exactly as written (property)', () => {
    const cents = fc.integer({ min: -1e9, max: 1e9 });
    fc.assert(
      fc.property(fc.array(cents, { maxLength: 100 }), (list) => {
        const total = sum(
          list.map((c) => fromApiAmount(c / 100, 'USD')),
          'USD',
        );
        expect(total).toEqual({
          amount: BigInt(list.reduce((a, b) => a + b, 0)),
          scale: 2,
          currency: 'USD',
        });
      }),
    );
  });
});

describe('multiply', () => {
  test('is exact and keeps every digit', () => {
    expect(toDecimalString(multiply(usd('0.0001'), 12345))).toBe('1.2345');
    expect(toDecimalString(multiply(usd('19.99'), 0.1))).toBe('1.999');
    expect(toDecimalString(multiply(usd('2.50'), '-3'))).toBe('-7.50');
    expect(toDecimalString(multiply(money('100', 'JPY'), 3n))).toBe('300');
  });

  test('refuses a factor that is not a finite number', () => {
    expect(() => multiply(usd('1'), Number.NaN)).toThrow('factor must be a finite number');
    expect(() => multiply(usd('1'), 'two')).toThrow(RangeError);
  });
});

describe('mixing currencies', () => {
  test('add, subtract, sum and compare always throw CurrencyMismatchError (property)', () => {
    const pair = fc
      .tuple(fc.constantFrom(...CURRENCY_CODES), fc.constantFrom(...CURRENCY_CODES))
      .filter(([a, b]) => a !== b);
    const amount = fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n });
    fc.assert(
      fc.property(pair, amount, amount, ([c1, c2], x, y) => {
        const a = money(x, c1);
        const b = money(y, c2);
        expect(() => add(a, b)).toThrow(CurrencyMismatchError);
        expect(() => subtract(a, b)).toThrow(CurrencyMismatchError);
        expect(() => compare(a, b)).toThrow(CurrencyMismatchError);
        expect(() => sum([a, b])).toThrow(CurrencyMismatchError);
        expect(() => sum([a], c2)).toThrow(CurrencyMismatchError);
        expect(equals(a, b)).toBe(false);
      }),
    );
  });
});
