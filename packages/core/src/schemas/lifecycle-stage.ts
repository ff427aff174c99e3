import * as z from 'zod/mini';

/**
 * Lifecycle stages. The spec spells the trial stage `TRAIL`; the live API sends `TRIAL`.
 * Both are accepted on read so neither side's data is rejected.
 */
export const LIFECYCLE_STAGES = ['ONBOARDING', 'TRAIL', 'TRIAL', 'ACTIVE', 'OFFBOARDED'] as const;
/** The stages the spec lists, the only ones to write (`TRAIL` is the spec's spelling). */
export const SPEC_LIFECYCLE_STAGES = ['ONBOARDING', 'TRAIL', 'ACTIVE', 'OFFBOARDED'] as const;
export const LifecycleStage = z.enum(LIFECYCLE_STAGES);
export type LifecycleStage = z.infer<typeof LifecycleStage>;
