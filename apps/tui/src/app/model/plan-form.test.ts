import { describe, expect, test } from 'vitest';
import { validatePlanForm } from './plan-form.js';

describe('validatePlanForm', () => {
  test('an empty plan is "is required", as the CLI says', () => {
    expect(validatePlanForm('c-1', { productId: '', start: '' })).toEqual({
      ok: false,
      errors: { productId: 'is required' },
    });
  });
});
