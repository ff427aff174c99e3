import { afterAll, describe, expect, test, vi } from 'vitest';
import { validatePlanForm } from './plan-form.js';

const restoreTimeZone = await vi.hoisted(async () => {
  const { pinTimeZone } = await import('../test-support/time-zone.js');
  return pinTimeZone('Asia/Tokyo');
});
afterAll(restoreTimeZone);

describe('a date the API cannot take, typed in Tokyo', () => {
  test('2000-01-01 is named by its UTC instant and the exact bound, not "use a date from 2000"', () => {
    expect(validatePlanForm('c-1', { productId: 'plan-x', start: '2000-01-01' })).toEqual({
      ok: false,
      errors: { start: 'is 1999-12-31 15:00 UTC: must be on or after 2000-01-01 00:00 UTC' },
    });
    expect(validatePlanForm('c-1', { productId: 'plan-x', start: '2000-01-02' }).ok).toBe(true);
    // 2200-01-01 in Tokyo is 2199-12-31 15:00 UTC, still before the upper bound: taken.
    expect(validatePlanForm('c-1', { productId: 'plan-x', start: '2200-01-01' }).ok).toBe(true);
    expect(validatePlanForm('c-1', { productId: 'plan-x', start: '2200-01-02' })).toEqual({
      ok: false,
      errors: { start: 'is 2200-01-01 15:00 UTC: must be before 2200-01-01 00:00 UTC' },
    });
  });
});
