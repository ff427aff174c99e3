const powers: bigint[] = [1n];

/** 10^n as a bigint (memoised: sums and rescaling ask for the same few powers). */
export function pow10(n: number): bigint {
  for (let i = powers.length; i <= n; i++) powers[i] = powers[i - 1]! * 10n;
  return powers[n]!;
}

/** An exact decimal: value = amount / 10^scale. */
export type Decimal = { amount: bigint; scale: number };

// Plain or exponent notation, as String(number) and people write it: 12, -0.5, .5, 1e-7, 1.5e+21.
const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/** Reads a decimal string exactly, or returns undefined when it is not one. */
export function parseDecimal(text: string): Decimal | undefined {
  const m = DECIMAL.exec(text);
  if (!m) return undefined;
  const [, sign, int = '', frac = '', exp = '0'] = m;
  if (int === '' && frac === '') return undefined;
  const exponent = Number(exp);
  if (!Number.isSafeInteger(exponent) || Math.abs(exponent) > 1000) return undefined;
  const digits = BigInt(`${int}${frac}` || '0');
  let scale = frac.length - exponent;
  let amount = digits;
  if (scale < 0) {
    amount *= pow10(-scale);
    scale = 0;
  }
  return { amount: sign === '-' ? -amount : amount, scale };
}

/** `amount` moved from `from` decimals to `to` decimals; `to` must be ≥ `from` (exact). */
export function scaleUp(amount: bigint, from: number, to: number): bigint {
  return to === from ? amount : amount * pow10(to - from);
}

/** The decimal written out with exactly `digits` fraction digits (`digits` ≥ scale). */
export function formatDecimal({ amount, scale }: Decimal, digits = scale): string {
  const abs = scaleUp(amount < 0n ? -amount : amount, scale, digits).toString();
  const sign = amount < 0n ? '-' : '';
  if (digits === 0) return sign + abs;
  const padded = abs.padStart(digits + 1, '0');
  return `${sign}${padded.slice(0, -digits)}.${padded.slice(-digits)}`;
}

/** -1, 0 or 1 as `a` is below, equal to or above `b` (any scales). */
export function compareDecimals(a: Decimal, b: Decimal): -1 | 0 | 1 {
  const scale = Math.max(a.scale, b.scale);
  const x = scaleUp(a.amount, a.scale, scale);
  const y = scaleUp(b.amount, b.scale, scale);
  return x < y ? -1 : x > y ? 1 : 0;
}
