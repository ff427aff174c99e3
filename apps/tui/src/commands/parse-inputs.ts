import { fromApiAmount, parseAmount, toApiAmount, toDecimalString } from '@amberkit/core/money';
import { parseDateInput } from '@amberkit/core/time';
import { UsageError } from './errors.js';
import { localZone } from './format.js';

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
