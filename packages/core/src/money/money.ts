import { minorUnit, normalizeCurrency } from './currencies.js';
import { type Decimal, formatDecimal, parseDecimal, scaleUp } from './decimal.js';
import { MoneyParseError, UnknownCurrencyError } from './errors.js';

/**
 * An exact amount of one currency: value = amount / 10^scale. Values made by this module
 * have `scale` ≥ the currency's minor unit and may carry more decimals (usage pricing).
 */
export type Money = { readonly amount: bigint; readonly scale: number; readonly currency: string };

/** The canonical code of `currency`, or throws {@link UnknownCurrencyError}. */
export function currencyCode(currency: string): string {
  const code = normalizeCurrency(currency);
  if (code === undefined) throw new UnknownCurrencyError(currency);
  return code;
}

/** Builds a Money from a decimal, raising its scale to at least the minor unit. */
export function fromDecimal(decimal: Decimal, currency: string): Money {
  const code = currencyCode(currency);
  const scale = Math.max(decimal.scale, minorUnit(code));
  return { amount: scaleUp(decimal.amount, decimal.scale, scale), scale, currency: code };
}

/**
 * Makes a Money. A string is a decimal as written (`'99.50'`, `'-0.0012345'`, `'1e-7'`); a
 * bigint counts units of 10^-scale, where `scale` defaults to the currency's minor unit
 * (so `money(995n, 'USD')` is 9.95 USD, as in dinero.js). The currency code is
 * case-insensitive and stored upper-case.
 * @example money('99.50', 'USD') // { amount: 9950n, scale: 2, currency: 'USD' }
 */
export function money(amount: string | bigint, currency: string, scale?: number): Money {
  if (typeof amount === 'bigint') {
    const code = currencyCode(currency);
    const s = scale ?? minorUnit(code);
    if (!Number.isSafeInteger(s) || s < 0)
      throw new RangeError(`scale must be a whole number ≥ 0, got ${s}`);
    return fromDecimal({ amount, scale: s }, code);
  }
  const decimal = typeof amount === 'string' ? parseDecimal(amount.trim()) : undefined;
  if (!decimal) {
    throw new MoneyParseError(`${JSON.stringify(amount)} is not a decimal number`, amount);
  }
  return fromDecimal(decimal, currency);
}

/**
 * The amount as a plain decimal string with at least the currency's minor-unit decimals
 * and every further digit it carries: `'99.50'`, `'1000'` (JPY), `'0.0012345'`.
 */
export function toDecimalString(m: Money): string {
  return formatDecimal(m, Math.max(m.scale, minorUnit(m.currency)));
}
