import { describe, expect, test } from 'vitest';
import { fromApiAmount } from './api-amount.js';
import { UnknownCurrencyError } from './errors.js';
import { format } from './format.js';
import { money } from './money.js';
import { round } from './round.js';

describe('format', () => {
  test.each([
    [money('99.5', 'USD'), 'en-US', '$99.50'],
    [money('1234.5', 'EUR'), 'de-DE', '1.234,50\u00a0€'],
    [money('-1234.5', 'EUR'), 'de-DE', '-1.234,50\u00a0€'],
    [money('1500', 'JPY'), 'ja-JP', '￥1,500'],
    [money('1.5', 'KWD'), 'en-US', 'KWD\u00a01.500'],
    [money('12.3456', 'CLF'), 'es-CL', 'CLF\u00a012,3456'],
    [money('1234567.891', 'USD'), 'en-IN', '$12,34,567.891'],
  ])('%o in %s → %s', (m, locale, text) => {
    expect(format(m, locale)).toBe(text);
  });

  test('uses the ISO minor unit, not Intl display digits', () => {
    expect(format(money('1234', 'HUF'), 'en-US')).toBe('HUF\u00a01,234.00');
    expect(format(money('1', 'IQD'), 'en-US')).toBe('IQD\u00a01.000');
  });

  test('keeps every digit of an unrounded amount, and rounds only when asked', () => {
    const usage = fromApiAmount(0.0012345, 'USD');
    expect(format(usage)).toBe('$0.0012345');
    expect(format(round(usage))).toBe('$0.00');
  });

  test('formats huge and long amounts exactly, never through a float', () => {
    expect(format(money('12345678901234567890.99', 'USD'))).toBe('$12,345,678,901,234,567,890.99');
    expect(format(money('0.1234567890123456789', 'USD'))).toBe('$0.1234567890123456789');
  });

  test('formats more than 20 decimals (beyond Intl on Node 20) exactly, in the locale digits', () => {
    expect(format(money('1e-25', 'USD'))).toBe('$0.0000000000000000000000001');
    expect(format(money('-12345.0000000000000000000000009', 'EUR'), 'de-DE')).toBe(
      '-12.345,0000000000000000000000009\u00a0€',
    );
    expect(format(money('1e-22', 'USD'), 'ar-EG')).toContain('٠٫٠٠٠٠٠٠٠٠٠٠٠٠٠٠٠٠٠٠٠٠٠١');
  });

  test('currencyDisplay chooses symbol, code or name', () => {
    expect(format(money('5', 'USD'), 'en-US', { currencyDisplay: 'code' })).toBe('USD\u00a05.00');
    expect(format(money('5', 'USD'), 'en-US', { currencyDisplay: 'name' })).toBe('5.00 US dollars');
  });

  test('refuses an unknown currency', () => {
    expect(() => format({ amount: 1n, scale: 0, currency: 'XYZ' })).toThrow(UnknownCurrencyError);
  });
});
