import { describe, expect, test } from 'vitest';
import { customerFields } from './customer-fields.js';

const stagesOffered = (values: Record<string, string | boolean>) => {
  const field = customerFields(values, false).find((f) => f.key === 'lifecycleStage');
  if (field?.kind !== 'choice') throw new Error('no lifecycle stage select');
  return field.options.map((option) => option.value);
};

describe('the lifecycle stage select', () => {
  test("offers the spec's stages, not two spellings of the trial stage", () => {
    expect(stagesOffered({})).toEqual(['', 'ONBOARDING', 'TRAIL', 'ACTIVE', 'OFFBOARDED']);
  });

  test("keeps the live API's TRIAL when the record already has it", () => {
    expect(stagesOffered({ lifecycleStage: 'TRIAL' })).toContain('TRIAL');
  });
});
