import { format, isKnownCurrency, parseAmount, toApiAmount } from '@amberkit/core/money';
import { PrepaidOrderRequest, toErrorIssues } from '@amberkit/core/schemas';
import { dateToMillis } from '@amberkit/core/time';
import { checkPlausibleDate, readDate, showDate } from './dates.js';
import { type FieldErrors, type FormValues, issuesToErrors, text } from './form-values.js';

export type ConfirmedForm<Body> =
  | {
      readonly ok: true;
      readonly body: Body;
      readonly summary: ReadonlyArray<readonly [string, string]>;
    }
  | { readonly ok: false; readonly errors: FieldErrors };

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function prepaidDefaults(): FormValues {
  return { amount: '', currency: 'USD', expiration: '' };
}

/**
 * Parses the amount as money in the chosen currency (so `10.001` USD is refused rather than
 * rounded) and the expiration as a date, then checks the body with core's schema.
 */
export function validatePrepaidForm(
  customerId: string,
  values: FormValues,
): ConfirmedForm<PrepaidOrderRequest> {
  const errors: Record<string, string> = {};
  const currency = text(values, 'currency').toUpperCase();
  if (!isKnownCurrency(currency))
    errors.currency = `unknown currency "${currency}" (use an ISO 4217 code such as USD)`;
  let amount: number | undefined;
  let amountLabel = '';
  if (text(values, 'amount') === '') errors.amount = 'is required';
  else if (errors.currency === undefined) {
    try {
      const parsed = parseAmount(text(values, 'amount'), currency);
      if (parsed.amount <= 0n) errors.amount = 'must be more than zero';
      amount = toApiAmount(parsed);
      amountLabel = format(parsed);
    } catch (error) {
      errors.amount = message(error);
    }
  }
  let expiration: Date | undefined;
  if (text(values, 'expiration') !== '') {
    try {
      expiration = readDate(text(values, 'expiration'));
      // An order that has already expired gives no credit: a past date is a typo here. (The
      // command line takes one with --allow-past, for back-dated records.)
      if (expiration.getTime() <= Date.now()) {
        errors.expiration = `is in the past (${showDate(expiration, true)}); an expired order gives no credit`;
      } else checkPlausibleDate(expiration);
    } catch (error) {
      errors.expiration = message(error);
    }
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const body = {
    customerId,
    amount,
    currency,
    ...(expiration === undefined ? {} : { expirationTime: dateToMillis(expiration) }),
  };
  const parsed = PrepaidOrderRequest.safeParse(body);
  if (!parsed.success)
    return { ok: false, errors: issuesToErrors(toErrorIssues(parsed.error, body), mapPath) };
  return {
    ok: true,
    body: parsed.data,
    summary: [
      ['Customer', customerId],
      ['Amount', amountLabel],
      ['Expires', expiration === undefined ? 'never' : showDate(expiration, true)],
    ],
  };
}

function mapPath(path: string): string {
  return path === 'expirationTime'
    ? 'expiration'
    : path === 'amount' || path === 'currency'
      ? path
      : '_form';
}
