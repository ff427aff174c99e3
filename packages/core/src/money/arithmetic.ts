import { scaleUp } from './decimal.js';
import { CurrencyMismatchError } from './errors.js';
import { parseFactor } from './factor.js';
import { currencyCode, fromDecimal, type Money } from './money.js';

/** Throws {@link CurrencyMismatchError} unless `b` is in `a`'s currency. */
export function assertSameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) throw new CurrencyMismatchError(a.currency, b.currency);
}

/** a + b, exactly, at the larger of the two scales. Refuses different currencies. */
export function add(a: Money, b: Money): Money {
  assertSameCurrency(a, b);
  const scale = Math.max(a.scale, b.scale);
  const amount = scaleUp(a.amount, a.scale, scale) + scaleUp(b.amount, b.scale, scale);
  return { amount, scale, currency: a.currency };
}

/** a − b, exactly, at the larger of the two scales. Refuses different currencies. */
export function subtract(a: Money, b: Money): Money {
  return add(a, negate(b));
}

/** −m. */
export function negate(m: Money): Money {
  return { amount: -m.amount, scale: m.scale, currency: m.currency };
}

/**
 * The exact total of `list`. Every item must be in one currency (`currency` when given,
 * else the first item's); otherwise {@link CurrencyMismatchError}. An empty list needs
 * `currency` and sums to zero in it.
 * @example sum(invoices.map((i) => fromApiAmount(i.totalAmount, i.currency)), 'USD')
 */
export function sum(list: Iterable<Money>, currency?: string): Money {
  const items = [...list];
  const code = currency === undefined ? items[0]?.currency : currencyCode(currency);
  if (code === undefined) throw new RangeError('sum() of an empty list needs a currency');
  let scale = 0;
  for (const m of items) {
    if (m.currency !== code) throw new CurrencyMismatchError(code, m.currency);
    if (m.scale > scale) scale = m.scale;
  }
  let total = 0n;
  for (const m of items) total += scaleUp(m.amount, m.scale, scale);
  return fromDecimal({ amount: total, scale }, code);
}

/**
 * m × factor, exactly (no rounding): the factor is an integer, a decimal string or a
 * number read as its shortest decimal (`0.1` is exactly 0.1). Round afterwards if needed.
 * @example multiply(money('0.0001', 'USD'), 12345) // 1.2345 USD
 */
export function multiply(m: Money, factor: number | bigint | string): Money {
  const f = parseFactor(factor);
  return { amount: m.amount * f.amount, scale: m.scale + f.scale, currency: m.currency };
}
