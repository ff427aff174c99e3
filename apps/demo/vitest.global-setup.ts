import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Builds the demo and every package it starts (core, testing, proxy, tui), once per test run:
 * the tests run the built bins and pack the built packages, exactly what users get.
 */
export function setup(): void {
  const result = spawnSync(
    'pnpm',
    ['exec', 'turbo', 'run', 'build', '--filter=@amberkit/demo...', '--output-logs=errors-only'],
    { cwd: root, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } },
  );
  if (result.status !== 0) {
    throw new Error(
      `building @amberkit/demo and its parts failed:\n${result.stdout}\n${result.stderr}`,
    );
  }
}
