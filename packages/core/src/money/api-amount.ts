import { compareDecimals, formatDecimal, parseDecimal } from './decimal.js';
import { MoneyParseError, PrecisionLossError } from './errors.js';
import { currencyCode, fromDecimal, type Money } from './money.js';

/**
 * Turns a JSON number from the API into the exact decimal it was written as. JSON.parse
 * gives the double nearest the written text, and `String(n)` gives back the shortest
 * decimal that reads as the same double — the text as written, for any amount of up to 15
 * significant digits. So `0.1` is 0.1 (not 0.1000000000000000055…) and usage pricing such
 * as `0.0012345` keeps its sub-cent digits. Exponent forms (`1e-7`, `1.5e+21`) are read
 * exactly. Throws {@link MoneyParseError} for NaN, ±Infinity or a non-number and
 * {@link UnknownCurrencyError} for an unknown currency.
 * @example fromApiAmount(99.5, 'USD') // { amount: 9950n, scale: 2, currency: 'USD' }
 */
export function fromApiAmount(n: number, currency: string): Money {
  const code = currencyCode(currency);
  if (typeof n !== 'number' || !Number.isFinite(n)) {
    throw new MoneyParseError(`${String(n)} is not a finite amount`, n);
  }
  // String(n) never fails to parse as a decimal for a finite number.
  return fromDecimal(parseDecimal(String(n))!, code);
}

/**
 * The amount as a JSON number for the API. A double holds every decimal of up to 15
 * significant digits exactly and some of 16–17; rather than send a nearby value, this
 * throws {@link PrecisionLossError} when the number would not read back as the same
 * decimal (round first, or send such amounts another way).
 * @example toApiAmount(money('99.50', 'USD')) // 99.5
 */
export function toApiAmount(m: Money): number {
  const text = formatDecimal(m);
  const n = Number(text);
  const back = parseDecimal(String(n));
  if (!back || compareDecimals(back, m) !== 0)
    throw new PrecisionLossError(`${text} ${m.currency}`);
  return n;
}
