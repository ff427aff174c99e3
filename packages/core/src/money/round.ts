import { minorUnit } from './currencies.js';
import { pow10, scaleUp } from './decimal.js';
import type { Money } from './money.js';

/**
 * How {@link round} resolves dropped digits, with java.math.RoundingMode's meanings (so
 * signs are symmetric: a refund rounds like the charge it undoes):
 * - `half-even` — to nearest, ties to the even neighbour (banker's rounding; the default)
 * - `half-up` — to nearest, ties away from zero (1.005 → 1.01, −1.005 → −1.01)
 * - `down` — toward zero (truncate)
 * - `up` — away from zero
 */
export type RoundingMode = 'half-even' | 'half-up' | 'down' | 'up';

const MODES: readonly RoundingMode[] = ['half-even', 'half-up', 'down', 'up'];

/** Integer division of `n` by `d` (> 0) rounded by `mode`. */
export function divideRounded(n: bigint, d: bigint, mode: RoundingMode): bigint {
  const q = n / d;
  const r = n % d;
  if (r === 0n) return q;
  const away = q + (n < 0n ? -1n : 1n);
  const twice = (r < 0n ? -r : r) * 2n;
  switch (mode) {
    case 'down':
      return q;
    case 'up':
      return away;
    case 'half-up':
      return twice >= d ? away : q;
    case 'half-even':
      return twice > d || (twice === d && q % 2n !== 0n) ? away : q;
  }
}

/**
 * Rounds to the currency's minor unit (or to `scale` decimals) — only when you ask: the
 * other functions keep every digit. An amount already at or below that scale is unchanged
 * in value and returned at exactly that scale.
 * @example round(money('0.125', 'USD')) // 0.12 USD; round(money('0.125', 'USD'), 'half-up') // 0.13 USD
 */
export function round(m: Money, mode: RoundingMode = 'half-even', scale?: number): Money {
  if (!MODES.includes(mode)) throw new RangeError(`Unknown rounding mode ${JSON.stringify(mode)}`);
  const target = scale ?? minorUnit(m.currency);
  if (!Number.isSafeInteger(target) || target < 0) {
    throw new RangeError(`scale must be a whole number ≥ 0, got ${target}`);
  }
  const amount =
    m.scale <= target
      ? scaleUp(m.amount, m.scale, target)
      : divideRounded(m.amount, pow10(m.scale - target), mode);
  return { amount, scale: target, currency: m.currency };
}
