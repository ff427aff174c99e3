import { describe, expect, test } from 'vitest';
import { validatePlanForm } from './plan-form.js';

describe('validatePlanForm', () => {
  test('an empty plan is "is required", as the CLI says', () => {
    expect(validatePlanForm('c-1', { productId: '', start: '' })).toEqual({
      ok: false,
      errors: { productId: 'is required' },
    });
  });

  test('a start the API cannot take (1970, 9999) is named at the field, not sent', () => {
    for (const start of ['1970-01-01', '9999-12-31']) {
      expect(validatePlanForm('c-1', { productId: 'plan-x', start }), start).toEqual({
        ok: false,
        errors: {
          start: expect.stringMatching(
            /^is \d{4}-\d\d-\d\d \d\d:00 UTC: must be (on or after 2000|before 2200)-01-01 00:00 UTC$/,
          ),
        },
      });
    }
    expect(validatePlanForm('c-1', { productId: 'plan-x', start: '2027-01-01' }).ok).toBe(true);
  });
});
