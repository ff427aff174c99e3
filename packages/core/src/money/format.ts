import { minorUnit } from './currencies.js';
import { formatDecimal } from './decimal.js';
import { localeSymbols } from './locale-symbols.js';
import type { Money } from './money.js';

/** Options for {@link format}. */
export type FormatMoneyOptions = {
  /** How the currency shows: `'symbol'` ($, the default), `'narrowSymbol'`, `'code'` (USD) or `'name'`. */
  currencyDisplay?: 'symbol' | 'narrowSymbol' | 'code' | 'name';
};

// Node 20's Intl caps fraction digits at 20 (ES2023 engines allow 100).
const INTL_MAX_DIGITS = 20;
const formatters = new Map<string, Intl.NumberFormat>();

function formatter(locale: string, currency: string, digits: number, display: string) {
  const key = `${locale}|${currency}|${digits}|${display}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      currencyDisplay: display as FormatMoneyOptions['currencyDisplay'],
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    if (formatters.size > 100) formatters.clear();
    formatters.set(key, f);
  }
  return f;
}

/**
 * Formats with Intl.NumberFormat in currency style, showing every digit the amount carries
 * (at least the ISO minor unit): nothing is rounded unless you called {@link round}. The
 * decimal goes to Intl as a string, never through a float, so large and long amounts stay
 * exact. Default locale `'en-US'` (pass the user's locale for display).
 * @example format(money('1234.5', 'EUR'), 'de-DE') // '1.234,50 €'
 * @example format(fromApiAmount(0.0012345, 'USD')) // '$0.0012345'
 */
export function format(m: Money, locale = 'en-US', options: FormatMoneyOptions = {}): string {
  const digits = Math.max(m.scale, minorUnit(m.currency));
  const display = options.currencyDisplay ?? 'symbol';
  const text = formatDecimal(m, digits) as `${number}`;
  if (digits <= INTL_MAX_DIGITS) return formatter(locale, m.currency, digits, display).format(text);
  // Beyond Intl's limit: format the first 20 decimals (truncated, so Intl rounds nothing),
  // then put the full fraction, in the locale's digits, in place of Intl's.
  const cut = text.slice(0, text.length - (digits - INTL_MAX_DIGITS)) as `${number}`;
  const local = localeSymbols(locale).digits;
  const fraction = [...text.slice(text.indexOf('.') + 1)].map((d) => local[Number(d)]).join('');
  return formatter(locale, m.currency, INTL_MAX_DIGITS, display)
    .formatToParts(cut)
    .map((p) => (p.type === 'fraction' ? fraction : p.value))
    .join('');
}
