import { minorUnit } from './currencies.js';
import { scaleUp } from './decimal.js';
import { parseFactor } from './factor.js';
import type { Money } from './money.js';

/** Ratios as integers of one common scale (0.7 and 0.3 become 7 and 3). */
function integerRatios(ratios: readonly (number | bigint | string)[]): bigint[] {
  const decimals = ratios.map((r) => parseFactor(r, 'ratio'));
  const scale = Math.max(0, ...decimals.map((d) => d.scale));
  const ints = decimals.map((d) => scaleUp(d.amount, d.scale, scale));
  if (ints.length === 0 || ints.some((r) => r < 0n) || !ints.some((r) => r > 0n)) {
    throw new RangeError('allocate() needs at least one ratio, none negative, one above zero');
  }
  return ints;
}

/**
 * Splits `m` by `ratios` without creating or losing a unit. It works in units of the
 * amount's scale, raised to at least the currency's minor unit (a cent for USD, a yen for
 * JPY, 1e-7 USD for a usage amount of 0.0012345). Each part is its exact share rounded
 * down; the units left over go one each to the parts with the largest remainders
 * (earlier parts win ties). So the parts always sum to `m`, each is within one unit of its
 * exact share, and equal ratios give parts that differ by at most one unit. Zero ratios get
 * zero. Negative amounts split as their positive counterpart, negated.
 * @example allocate(money('100.00', 'USD'), [1, 1, 1]) // 33.34, 33.33, 33.33
 */
export function allocate(m: Money, ratios: readonly (number | bigint | string)[]): Money[] {
  const weights = integerRatios(ratios);
  const scale = Math.max(m.scale, minorUnit(m.currency));
  const total = scaleUp(m.amount, m.scale, scale);
  const sign = total < 0n ? -1n : 1n;
  const units = total * sign;
  const weightSum = weights.reduce((a, b) => a + b, 0n);
  const shares = weights.map((w) => (units * w) / weightSum);
  let left = units - shares.reduce((a, b) => a + b, 0n);
  const byRemainder = weights
    .map((w, index) => ({ index, rest: (units * w) % weightSum }))
    .sort((a, b) => (a.rest === b.rest ? a.index - b.index : a.rest > b.rest ? -1 : 1));
  for (const { index } of byRemainder) {
    if (left === 0n) break;
    shares[index]! += 1n;
    left -= 1n;
  }
  return shares.map((s) => ({ amount: s * sign, scale, currency: m.currency }));
}
