import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { CURRENCY_CODES } from './currencies.js';
import { MoneyParseError, UnknownCurrencyError } from './errors.js';
import { format } from './format.js';
import { money, toDecimalString } from './money.js';
import { parseAmount } from './parse-amount.js';

const read = (text: string, currency = 'USD', locale?: string) =>
  toDecimalString(parseAmount(text, currency, locale));

describe('parseAmount', () => {
  test.each([
    ['1,234.56', 'USD', undefined, '1234.56'],
    ['1234.56', 'USD', undefined, '1234.56'],
    ['  -1,234.5 ', 'USD', undefined, '-1234.50'],
    ['\u22121.25', 'USD', undefined, '-1.25'],
    ['- 1.25', 'USD', undefined, '-1.25'],
    ['.5', 'USD', undefined, '0.50'],
    ['0', 'USD', undefined, '0.00'],
    ['1,234,567', 'JPY', 'en-US', '1234567'],
    ['1.234,5', 'EUR', 'de-DE', '1234.50'],
    ['1 234,5', 'EUR', 'fr-FR', '1234.50'],
    ['1\u202f234,5', 'EUR', 'fr-FR', '1234.50'],
    ["1'234.50", 'CHF', 'de-CH', '1234.50'],
    ['12,34,567.5', 'INR', 'en-IN', '1234567.50'],
    ['١٬٢٣٤٫٥', 'EGP', 'ar-EG', '1234.50'],
    ['1.234', 'KWD', 'en-US', '1.234'],
    ['۱٬۲۳۴٫۵', 'IRR', 'fa-IR', '1234.50'],
  ])('reads %j as %s (%s) → %s', (text, currency, locale, value) => {
    expect(read(text, currency, locale)).toBe(value);
  });

  // Intl puts bidi marks (LRM U+200E, RLM U+200F, ALM U+061C) around the sign and the number
  // in right-to-left locales; a person copying the number copies them too.
  test.each([
    ['\u200e-1,234,567.89', 'he-IL', '-1234567.89'],
    ['\u200f\u200e-1,234,567.89\u00a0\u200f', 'he-IL', '-1234567.89'],
    ['\u200e-1,234,567.89', 'ur-PK', '-1234567.89'],
    ['\u061c-١٬٢٣٤٬٥٦٧٫٨٩', 'ar-EG', '-1234567.89'],
    ['\u061c-\u200f١٬٢٣٤٬٥٦٧٫٨٩', 'ar-SA', '-1234567.89'],
    ['\u200e\u2212۱٬۲۳۴٬۵۶۷٫۸۹', 'fa-IR', '-1234567.89'],
    ['\u200e-\u200e۱٬۲۳۴٬۵۶۷٫۸۹', 'ps-AF', '-1234567.89'],
    ['\u2067-12.5\u2069', 'en-US', '-12.50'],
    ['\u202b1,234.5\u202c', 'en-US', '1234.50'],
  ])('ignores the bidi marks in %j (%s)', (text, locale, value) => {
    expect(read(text, 'USD', locale)).toBe(value);
  });

  test('reads back what Intl.NumberFormat writes, right-to-left locales included', () => {
    const locales = [
      'en-US',
      'de-CH',
      'en-IN',
      'he-IL',
      'ur-PK',
      'ar-EG',
      'ar-SA',
      'fa-IR',
      'ps-AF',
    ];
    for (const locale of locales) {
      const intl = new Intl.NumberFormat(locale, { minimumFractionDigits: 2 });
      for (const value of [-1234567.89, -0.01, 0, 1234.5]) {
        expect(read(intl.format(value), 'USD', locale)).toBe(value.toFixed(2));
      }
    }
  });

  test('reads only the digits the locale writes, besides ASCII, and says so', () => {
    // ar-EG writes Arabic-Indic digits (٠–٩), fa-IR Extended Arabic-Indic (۰–۹); each locale
    // reads its own and ASCII, not the other's.
    expect(read('١٢٣', 'USD', 'ar-EG')).toBe('123.00');
    expect(read('۱۲۳', 'USD', 'fa-IR')).toBe('123.00');
    expect(read('123', 'USD', 'fa-IR')).toBe('123.00');
    expect(() => parseAmount('۱۲۳', 'USD', 'ar-EG')).toThrow(
      'the digit "۱" is not one ar-EG writes; type 0–9 or ٠–٩',
    );
    expect(() => parseAmount('۱۲۳', 'USD', 'en-US')).toThrow(
      'the digit "۱" is not one en-US writes; type 0–9',
    );
  });

  test('returns the amount at the minor unit scale', () => {
    expect(parseAmount('12', 'usd')).toEqual({ amount: 1200n, scale: 2, currency: 'USD' });
  });

  test.each([
    ['1.005', 'USD', 'USD takes at most 2 decimals'],
    ['1.5', 'JPY', 'JPY takes no decimals'],
    ['1.0001', 'KWD', 'KWD takes at most 3 decimals'],
    ['', 'USD', 'enter an amount'],
    ['   ', 'USD', 'enter an amount'],
    ['-', 'USD', 'no digits'],
    ['12abc', 'USD', 'letters are not allowed'],
    ['USD 12', 'USD', 'letters are not allowed'],
    ['$12', 'USD', 'unexpected character "$"'],
    ['1.2.3', 'USD', 'more than one decimal separator'],
    ['1,5', 'USD', 'misplaced group separator ","'],
    ['1,2345', 'USD', 'misplaced group separator'],
    [',123', 'USD', 'misplaced group separator'],
    ['1,,234', 'USD', 'misplaced group separator'],
    ['1.234,5', 'USD', 'group separator after the decimal separator'],
    ['1-2', 'USD', 'a minus sign may only lead the amount'],
    ['--1', 'USD', 'a minus sign may only lead the amount'],
    ['1'.repeat(101), 'USD', 'too long'],
  ])('refuses %j as %s: %s', (text, currency, why) => {
    expect(() => parseAmount(text, currency)).toThrow(MoneyParseError);
    expect(() => parseAmount(text, currency)).toThrow(why);
  });

  test('the message quotes the input and names the currency', () => {
    expect(() => parseAmount('1.005', 'USD')).toThrow(
      'Cannot read "1.005" as USD: USD takes at most 2 decimals',
    );
  });

  test('a German-style number in en-US is refused, not misread', () => {
    expect(() => parseAmount('12.50', 'EUR', 'de-DE')).toThrow('the decimal separator is ","');
  });

  test('refuses an unknown currency and a non-string', () => {
    expect(() => parseAmount('1', 'XYZ')).toThrow(UnknownCurrencyError);
    expect(() => parseAmount(12 as unknown as string, 'USD')).toThrow('expected text');
  });

  test('parseAmount(toDecimalString(m)) gives m back for every currency (property)', () => {
    const m = fc
      .tuple(fc.bigInt({ min: -(10n ** 18n), max: 10n ** 18n }), fc.constantFrom(...CURRENCY_CODES))
      .map(([amount, currency]) => money(amount, currency));
    fc.assert(
      fc.property(m, (x) => {
        expect(parseAmount(toDecimalString(x), x.currency)).toEqual(x);
      }),
    );
  });

  test('reads back what format wrote, symbol removed, in several locales (property)', () => {
    const locales = fc.constantFrom(
      ...['en-US', 'de-DE', 'fr-FR', 'de-CH', 'en-IN', 'ja-JP', 'pt-BR'],
      // Right to left, with bidi marks around the sign and number; ar-EG and ar-SA write
      // Arabic-Indic digits, fa-IR and ps-AF Extended Arabic-Indic ones.
      ...['he-IL', 'ur-PK', 'ar-EG', 'ar-SA', 'fa-IR', 'ps-AF'],
    );
    const m = fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }).map((a) => money(a, 'EUR'));
    fc.assert(
      fc.property(m, locales, (x, locale) => {
        const text = format(x, locale, { currencyDisplay: 'code' }).replace('EUR', '').trim();
        expect(parseAmount(text, 'EUR', locale)).toEqual(x);
      }),
    );
  });
});
