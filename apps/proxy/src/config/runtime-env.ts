import type { Env } from './load-config.js';

type Globals = {
  process?: { env?: Env };
  Deno?: { env?: { toObject(): Env } };
};

/** Deno's `toObject()` copies on every call; one copy per global, so the proxy is built once. */
const denoCopies = new WeakMap<object, Env>();
const NONE: Env = Object.freeze({});

/**
 * Where a `{ fetch }` module finds its settings. Workers pass an `env` binding; Bun and Deno
 * pass something else (a server, connection info), so there the process environment is used.
 * The answer is the same object on every call (the Workers module builds its proxy once per
 * env object).
 */
export function runtimeEnv(binding: unknown, globals: Globals = globalThis as Globals): Env {
  if (binding && typeof binding === 'object' && 'AMBERFLO_API_KEY' in binding)
    return binding as Env;
  if (globals.process?.env) return globals.process.env;
  const denoEnv = globals.Deno?.env;
  if (!denoEnv) return NONE;
  let copy = denoCopies.get(denoEnv);
  if (!copy) {
    copy = denoEnv.toObject();
    denoCopies.set(denoEnv, copy);
  }
  return copy;
}
