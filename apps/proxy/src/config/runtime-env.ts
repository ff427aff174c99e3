import type { Env } from './load-config.js';

type Globals = {
  process?: { env?: Env };
  Deno?: { env?: { toObject(): Env } };
};

/**
 * Where a `{ fetch }` module finds its settings. Workers pass an `env` binding; Bun and Deno
 * pass something else (a server, connection info), so there the process environment is used.
 */
export function runtimeEnv(binding: unknown): Env {
  if (binding && typeof binding === 'object' && 'AMBERFLO_API_KEY' in binding)
    return binding as Env;
  const globals = globalThis as Globals;
  return globals.process?.env ?? globals.Deno?.env?.toObject() ?? {};
}
