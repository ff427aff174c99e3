import * as z from 'zod/mini';

/**
 * Lifecycle stages. The spec spells the trial stage `TRAIL`; the live API sends `TRIAL`.
 * Both are accepted on read so neither side's data is rejected.
 */
export const LIFECYCLE_STAGES = ['ONBOARDING', 'TRAIL', 'TRIAL', 'ACTIVE', 'OFFBOARDED'] as const;
/**
 * The stages the spec lists (`TRAIL` is its spelling). Core's request schemas still accept
 * `TRIAL`, as the live API writes it; the emulator and the TUI write these only.
 */
export const SPEC_LIFECYCLE_STAGES = ['ONBOARDING', 'TRAIL', 'ACTIVE', 'OFFBOARDED'] as const;
export const LifecycleStage = z.enum(LIFECYCLE_STAGES);
export type LifecycleStage = z.infer<typeof LifecycleStage>;
