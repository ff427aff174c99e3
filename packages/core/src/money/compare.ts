import { assertSameCurrency } from './arithmetic.js';
import { compareDecimals } from './decimal.js';
import type { Money } from './money.js';

/** -1, 0 or 1 as a is less than, equal to or greater than b. Refuses different currencies. */
export function compare(a: Money, b: Money): -1 | 0 | 1 {
  assertSameCurrency(a, b);
  return compareDecimals(a, b);
}

/** Same currency and same value (scale aside: 99.5 equals 99.50). */
export function equals(a: Money, b: Money): boolean {
  return a.currency === b.currency && compareDecimals(a, b) === 0;
}

/** Whether the amount is zero. */
export function isZero(m: Money): boolean {
  return m.amount === 0n;
}

/** Whether the amount is below zero (a credit or refund). */
export function isNegative(m: Money): boolean {
  return m.amount < 0n;
}
