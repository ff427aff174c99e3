import { describe, expect, test } from 'vitest';
import { CURRENCY_CODES, isKnownCurrency, minorUnit } from './currencies.js';
import { UnknownCurrencyError } from './errors.js';

describe('the ISO 4217 table', () => {
  test.each([
    ['JPY', 0],
    ['KRW', 0],
    ['USD', 2],
    ['EUR', 2],
    ['GBP', 2],
    ['KWD', 3],
    ['BHD', 3],
    ['TND', 3],
    ['CLF', 4],
    ['UYW', 4],
    ['XCG', 2],
    ['ZWG', 2],
  ])('%s has minor unit %i', (code, digits) => {
    expect(minorUnit(code)).toBe(digits);
  });

  test("uses ISO's minor unit where Intl's display digits differ", () => {
    const display = (c: string) =>
      new Intl.NumberFormat('en', { style: 'currency', currency: c }).resolvedOptions()
        .maximumFractionDigits;
    for (const [code, iso] of [
      ['HUF', 2],
      ['IQD', 3],
      ['IDR', 2],
      ['COP', 2],
    ] as const) {
      expect(display(code)).toBe(0);
      expect(minorUnit(code)).toBe(iso);
    }
  });

  test('holds every active code once, sorted, and no withdrawn or N.A. code', () => {
    expect(CURRENCY_CODES).toHaveLength(166);
    expect(new Set(CURRENCY_CODES).size).toBe(CURRENCY_CODES.length);
    expect([...CURRENCY_CODES].sort()).toEqual(CURRENCY_CODES);
    expect(CURRENCY_CODES.every((c) => /^[A-Z]{3}$/.test(c))).toBe(true);
    for (const gone of ['HRK', 'ANG', 'CUC', 'SLL', 'ZWL', 'XAU', 'XDR', 'XXX']) {
      expect(isKnownCurrency(gone)).toBe(false);
    }
  });

  test('covers every currency Intl knows except the withdrawn and N.A. ones', () => {
    const skipped = Intl.supportedValuesOf('currency').filter((c) => !isKnownCurrency(c));
    expect(
      skipped.every((c) => ['ANG', 'CUC', 'HRK', 'SLL', 'XDR', 'XSU', 'ZWL'].includes(c)),
    ).toBe(true);
  });

  test('codes are read case-insensitively', () => {
    expect(isKnownCurrency('usd')).toBe(true);
    expect(minorUnit(' jpy ')).toBe(0);
  });

  test.each(['XYZ', '', 'US', 'DOLLAR'])('minorUnit(%j) throws UnknownCurrencyError', (code) => {
    expect(() => minorUnit(code)).toThrow(UnknownCurrencyError);
    expect(() => minorUnit(code)).toThrow(`Unknown currency "${code}": expected an ISO 4217 code`);
    expect(isKnownCurrency(code)).toBe(false);
  });

  test('non-strings are not currencies', () => {
    expect(isKnownCurrency(840)).toBe(false);
    expect(isKnownCurrency(undefined)).toBe(false);
  });
});
