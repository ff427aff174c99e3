declare const unit: unique symbol;

/** A Unix timestamp in whole **milliseconds** (customers, prepaid orders, plan assignments). */
export type UnixMillis = number & { readonly [unit]: 'ms' };
/** A Unix timestamp in whole **seconds** (invoice periods). */
export type UnixSeconds = number & { readonly [unit]: 's' };

/**
 * The window the unit guards accept, in each unit: 2000-01-01T00:00:00Z (inclusive) to
 * 2200-01-01T00:00:00Z (exclusive). The two windows are disjoint — the largest plausible
 * seconds value (7,258,118,399) is far below the smallest plausible milliseconds value
 * (946,684,800,000) — so a value in one window is never accepted as the other unit.
 */
export const PLAUSIBLE_SECONDS = { min: 946_684_800, max: 7_258_118_400 } as const;
/** {@link PLAUSIBLE_SECONDS} in milliseconds. */
export const PLAUSIBLE_MILLIS = {
  min: PLAUSIBLE_SECONDS.min * 1000,
  max: PLAUSIBLE_SECONDS.max * 1000,
} as const;

/** A number was not a plausible timestamp in the expected unit. */
export class TimeUnitError extends Error {
  override name = 'TimeUnitError' as const;
  constructor(
    message: string,
    readonly value: unknown,
    readonly expected: 'milliseconds' | 'seconds',
  ) {
    super(message);
  }
}

const within = (n: number, range: { min: number; max: number }) => n >= range.min && n < range.max;
const iso = (ms: number) => new Date(ms).toISOString();

function check(value: unknown, expected: 'milliseconds' | 'seconds', label: string): number {
  const what = `${label} ${typeof value === 'number' ? value : JSON.stringify(value)}`;
  const fail = (why: string) => new TimeUnitError(`${what} ${why}`, value, expected);
  if (typeof value !== 'number' || Number.isNaN(value)) throw fail('is not a number');
  if (!Number.isFinite(value)) throw fail('is not finite');
  if (!Number.isInteger(value)) throw fail(`is not a whole number of ${expected}`);
  if (value < 0) throw fail('is negative');
  const own = expected === 'seconds' ? PLAUSIBLE_SECONDS : PLAUSIBLE_MILLIS;
  if (within(value, own)) return value;
  // Name the likely mistake, so the caller converts instead of guessing.
  if (expected === 'seconds' && within(value, PLAUSIBLE_MILLIS)) {
    throw fail(`looks like Unix milliseconds (${iso(value)}), expected Unix seconds`);
  }
  if (expected === 'milliseconds' && within(value, PLAUSIBLE_SECONDS)) {
    throw fail(`looks like Unix seconds (${iso(value * 1000)}), expected Unix milliseconds`);
  }
  throw fail(`is outside the plausible range for Unix ${expected} (years 2000–2199)`);
}

/**
 * Checks that `n` is a whole, non-negative number of Unix milliseconds between the years
 * 2000 and 2199 ({@link PLAUSIBLE_MILLIS}) and brands it. Throws {@link TimeUnitError}
 * otherwise, saying so when the value looks like seconds.
 * @example asMillis(1718153645993) // ok; asMillis(1718100000) throws "… looks like Unix seconds"
 */
export function asMillis(n: number, label = 'value'): UnixMillis {
  return check(n, 'milliseconds', label) as UnixMillis;
}

/**
 * Checks that `n` is a whole, non-negative number of Unix seconds between the years 2000
 * and 2199 ({@link PLAUSIBLE_SECONDS}) and brands it. Throws {@link TimeUnitError}
 * otherwise, saying so when the value looks like milliseconds.
 * @example asSeconds(1718100000) // ok; asSeconds(1718153645993) throws "… looks like Unix milliseconds"
 */
export function asSeconds(n: number, label = 'value'): UnixSeconds {
  return check(n, 'seconds', label) as UnixSeconds;
}

/** Seconds → milliseconds (exact). */
export function secondsToMillis(s: UnixSeconds): UnixMillis {
  return (s * 1000) as UnixMillis;
}

/** Milliseconds → seconds, dropping the sub-second part (floor, as Unix time does). */
export function millisToSeconds(ms: UnixMillis): UnixSeconds {
  return Math.floor(ms / 1000) as UnixSeconds;
}
