import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { z } from 'zod';

const flag = z
  .string()
  .optional()
  .transform((value) => value !== undefined && /^(1|true|yes|on)$/i.test(value.trim()));
const text = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value.trim()));

/** The environment variables amberkit reads, and nothing else. */
export const EnvSchema = z.object({
  AMBERKIT_BASE_URL: text,
  AMBERKIT_API_KEY: text,
  AMBERKIT_PROFILE: text,
  AMBERKIT_READ_ONLY: flag,
  AMBERKIT_TIMEOUT: text,
  AMBERKIT_DEBUG: flag,
  XDG_CONFIG_HOME: text,
  HOME: text,
  NO_COLOR: text,
});
export type AmberkitEnv = z.infer<typeof EnvSchema>;

/** The process environment, for callers that hand it on (resolveConnection takes a record). */
export function processEnv(): Record<string, string | undefined> {
  return process.env;
}

/**
 * Parses the environment. This module is the only place that touches `process.env`; pass
 * another record in tests.
 */
export function readEnv(source: Record<string, string | undefined> = process.env): AmberkitEnv {
  return EnvSchema.parse(source);
}

/**
 * Ink ignores `NO_COLOR`; its colour library does honour `FORCE_COLOR=0`. Must run before Ink
 * (and React) are imported, since both fix their mode when they load.
 */
export function prepareUiEnv(
  env: AmberkitEnv,
  target: Record<string, string | undefined> = process.env,
): void {
  if (env.NO_COLOR !== undefined) target.FORCE_COLOR = '0';
  // React picks its development build (slower renders, extra checks) unless told otherwise;
  // the shipped binary is production unless the user asked for something else.
  target.NODE_ENV ??= 'production';
}

/** `$XDG_CONFIG_HOME/amberkit/config.json`, else `~/.config/amberkit/config.json`. */
export function defaultConfigPath(env: AmberkitEnv): string {
  // The XDG spec says a relative XDG_CONFIG_HOME is invalid and must be ignored.
  const xdg =
    env.XDG_CONFIG_HOME !== undefined && isAbsolute(env.XDG_CONFIG_HOME)
      ? env.XDG_CONFIG_HOME
      : undefined;
  return join(xdg ?? join(env.HOME ?? homedir(), '.config'), 'amberkit', 'config.json');
}
