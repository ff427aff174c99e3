import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Builds the `amberkit` bin and the core build it imports at run time, once per test run, so
 * the process tests exercise exactly what gets published. Turbo's cache makes a rerun cheap.
 * `--only` keeps unrelated workspace packages (the emulator's own build) out of it: tests load
 * those from source.
 */
export function setup(): void {
  const result = spawnSync(
    'pnpm',
    [
      'exec',
      'turbo',
      'run',
      'build',
      '--filter=@amberkit/core',
      '--filter=@amberkit/tui',
      '--only',
      '--output-logs=errors-only',
    ],
    { cwd: root, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } },
  );
  if (result.status !== 0) {
    throw new Error(`building @amberkit/tui failed:\n${result.stdout}\n${result.stderr}`);
  }
}
