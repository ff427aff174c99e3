import { fromApiAmount, parseAmount, toApiAmount, toDecimalString } from '@amberkit/core/money';
import { asMillis, parseDateInput } from '@amberkit/core/time';
import { plausibleTimeProblem } from '../model/plausible-time.js';
import { UsageError } from './errors.js';
import { localZone, showDate } from './format.js';

const reason = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** `--amount` for `currency` through core's money parser, as the API's number. */
export function amountFlag(text: string, currency: string): number {
  try {
    return toApiAmount(parseAmount(text, currency));
  } catch (error) {
    throw new UsageError(`--amount: ${reason(error)}`);
  }
}

/**
 * An amount given as a JSON number (`--body`), held to the same rule as `--amount`: no more
 * decimals than the currency has (JPY 5.5 is refused, not sent).
 */
export function bodyAmount(value: number, currency: string): number {
  try {
    return toApiAmount(parseAmount(toDecimalString(fromApiAmount(value, currency)), currency));
  } catch (error) {
    throw new UsageError(`amount (--body): ${reason(error)}`);
  }
}

/**
 * A date flag as Unix milliseconds: `YYYY-MM-DD` is midnight in the local zone (as the UI
 * reads it, and as the output shows it back), ISO 8601 with a zone is that instant.
 */
export function dateFlag(flag: string, text: string): number {
  try {
    return parseDateInput(text, { timeZone: localZone() }).getTime();
  } catch (error) {
    throw new UsageError(`${flag}: ${reason(error)}`);
  }
}

/**
 * A time in Unix milliseconds the API can take: from 2000-01-01 00:00 UTC up to 2200 (a value in seconds is named as
 * such). `typed` is what the person wrote, when a flag: `--expires 1970-01-01` is named as
 * typed, never as the `0` it became.
 */
function plausibleMillis(value: number, where: string, typed: string | undefined): number {
  try {
    return asMillis(value, where);
  } catch (error) {
    if (typed === undefined) throw new UsageError(reason(error));
    throw new UsageError(`${where}: ${typed} ${plausibleTimeProblem(value) ?? reason(error)}`);
  }
}

/**
 * A prepaid order's expiry, in Unix milliseconds, checked before it is sent. `where` names it
 * (`--expires`, `expirationTime (--body)`), `typed` is what the person wrote, when a flag.
 * It must be a plausible time in milliseconds (a value in seconds is named as such), and not
 * in the past unless `allowPast`: an order that has already expired gives no credit, and a
 * mistyped year would go unnoticed.
 */
export function expiryInput(
  value: number,
  where: string,
  options: { typed?: string; allowPast: boolean; now?: number },
): number {
  // A raw number is checked for its unit first (seconds read as ms land in 1970: "in the
  // past" would hide the real mistake); a typed date is a date, and its year the question.
  if (options.typed === undefined) plausibleMillis(value, where, undefined);
  if (!options.allowPast && value <= (options.now ?? Date.now())) {
    const shown = options.typed ?? String(value);
    throw new UsageError(
      `${where}: ${shown} is in the past (${showDate(new Date(value), true)}): an order that has already expired gives no credit; pass --allow-past to create it anyway`,
    );
  }
  return plausibleMillis(value, where, options.typed);
}

/**
 * A plan's start in Unix milliseconds, checked before it is sent as a prepaid expiry is: a
 * plausible time (2000–2199; a value in seconds is named as such), named as typed when a flag.
 */
export function startInput(value: number, where: string, typed?: string): number {
  return plausibleMillis(value, where, typed);
}
