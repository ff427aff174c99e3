import { PricingPlanAssignmentRequest, toErrorIssues } from '@amberkit/core/schemas';
import { dateToMillis } from '@amberkit/core/time';
import { checkPlausibleDate, readDate, showDate } from './dates.js';
import { type FormValues, issuesToErrors, text } from './form-values.js';
import type { ConfirmedForm } from './prepaid-form.js';

export function planDefaults(): FormValues {
  return { productId: '', start: '' };
}

/** Checks a plan assignment; the start date is optional (the API starts it now). */
export function validatePlanForm(
  customerId: string,
  values: FormValues,
): ConfirmedForm<PricingPlanAssignmentRequest> {
  let start: Date | undefined;
  const errors: Record<string, string> = {};
  if (text(values, 'start') !== '') {
    try {
      start = readDate(text(values, 'start'));
      checkPlausibleDate(start);
    } catch (error) {
      errors.start = error instanceof Error ? error.message : String(error);
    }
  }
  const input = {
    customerId,
    productId: text(values, 'productId'),
    ...(start === undefined ? {} : { startTime: dateToMillis(start) }),
  };
  const parsed = PricingPlanAssignmentRequest.safeParse(input);
  if (!parsed.success) {
    Object.assign(
      errors,
      issuesToErrors(toErrorIssues(parsed.error, input), (path) =>
        path === 'productId' ? 'productId' : path === 'startTime' ? 'start' : '_form',
      ),
    );
  }
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    body: parsed.data,
    summary: [
      ['Customer', customerId],
      ['Plan', parsed.data.productId],
      ['Starts', start === undefined ? 'now' : showDate(start, true)],
    ],
  };
}
