import { type Decimal, parseDecimal } from './decimal.js';

/** Reads a multiplier or ratio (bigint, finite number or decimal string) exactly. */
export function parseFactor(value: number | bigint | string, what = 'factor'): Decimal {
  if (typeof value === 'bigint') return { amount: value, scale: 0 };
  const decimal =
    (typeof value === 'number' && Number.isFinite(value)) || typeof value === 'string'
      ? parseDecimal(String(value).trim())
      : undefined;
  if (!decimal) throw new RangeError(`${what} must be a finite number, got ${String(value)}`);
  return decimal;
}
