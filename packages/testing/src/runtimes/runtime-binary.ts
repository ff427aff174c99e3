import { execFile } from 'node:child_process';
import { accessSync, constants, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

const require = createRequire(import.meta.url);
const execFileAsync = promisify(execFile);

/**
 * The native Bun or Deno binary from the npm packages (devDependencies), and the version the
 * package names. Spawned directly, not through node_modules/.bin, whose shell and Node shims
 * would not pass a kill signal on.
 */
export function runtimeBinary(runtime: 'bun' | 'deno'): { path: string; version: string } {
  const manifest = require.resolve(`${runtime}/package.json`);
  const dir = dirname(manifest);
  const path = runtime === 'bun' ? join(dir, 'bin', 'bun.exe') : join(dir, 'deno');
  const postinstall = `${runtime}'s postinstall did not run (pnpm-workspace.yaml onlyBuiltDependencies)`;
  try {
    accessSync(path, constants.X_OK);
  } catch {
    throw new Error(`${path} is missing: ${postinstall}`);
  }
  // Bun's placeholder before its postinstall is a small shell script, not the binary.
  if (readFileSync(path).subarray(0, 4).toString('latin1') !== '\x7fELF')
    throw new Error(`${path} is not the ${runtime} binary: ${postinstall}`);
  return {
    path,
    version: (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version,
  };
}

/** Runs a command to its end (killed after 20 s) and answers its stdout; a failure shows stderr. */
export async function runToEnd(
  command: string,
  args: string[],
  options: { cwd: string; env: Record<string, string> },
): Promise<string> {
  try {
    const { stdout } = await execFileAsync(command, args, {
      cwd: options.cwd,
      env: { PATH: process.env.PATH ?? '', ...options.env },
      timeout: 20_000,
      killSignal: 'SIGKILL',
    });
    return stdout;
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(
      `${command} ${args.join(' ')} failed: ${(error as Error).message}\n${stdout}\n${stderr}`,
    );
  }
}
