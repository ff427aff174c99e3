import process from 'node:process';
import { z } from 'zod';

/** Unset and empty mean the same: not given. */
const text = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value.trim()));

/** The environment variables the demo reads, and nothing else. */
const DemoEnvSchema = z.object({
  AMBERKIT_EMULATOR_PORT: text,
  AMBERKIT_PROXY_PORT: text,
  PORT: text,
  AMBERFLO_API_KEY: text,
});
export type DemoEnv = z.infer<typeof DemoEnvSchema>;

/**
 * The whole environment, handed on to the parts (PATH, HOME, XDG_CONFIG_HOME …). This module is
 * the only place that touches `process.env`.
 */
export function processEnv(): Record<string, string | undefined> {
  return { ...process.env };
}

/** Parses the demo's own settings out of an environment record. */
export function readDemoEnv(source: Record<string, string | undefined> = process.env): DemoEnv {
  return DemoEnvSchema.parse(source);
}
