import { readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Whether a package's build is at least as new as what goes into it, for the tests that load a
 * package's dist as a user would (Bun, Deno, the CLI). Shared by the packages' test helpers, as
 * vitest.shared.ts is: one rule for what counts as a source.
 */

const workspaceRoot = dirname(fileURLToPath(import.meta.url));

/**
 * The newest modification time of the files under `dir` that a build reads: not tests
 * (`*.test.*`) nor the test helpers in `test/` folders, so editing a test never makes a dist
 * look stale (and rebuilt under a test run that is using it).
 */
export function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'test') newest = Math.max(newest, newestSource(path));
    } else if (!entry.name.includes('.test.')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** Whether `builtFile` exists and is no older than the sources under `srcDir`. */
export function builtAfterSources(builtFile: string, srcDir: string): boolean {
  let built = 0;
  try {
    built = statSync(builtFile).mtimeMs;
  } catch {
    return false;
  }
  return built >= newestSource(srcDir);
}

/**
 * Bun and Deno load `@amberkit/core` as a user's code would: its dist. `pnpm test` builds it
 * first; a dist older than the sources would test old code, so that fails here instead.
 */
export function assertCoreBuilt(): void {
  const core = join(workspaceRoot, 'packages', 'core');
  if (!builtAfterSources(join(core, 'dist', 'client', 'index.js'), join(core, 'src')))
    throw new Error('packages/core/dist is missing or older than its sources: run pnpm build');
}
