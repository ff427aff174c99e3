import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The built bin, as published (built by vitest.global-setup.ts). */
export const CLI_PATH = fileURLToPath(new URL('../../../dist/cli.js', import.meta.url));

export type CliResult = { code: number | null; stdout: string; stderr: string };

/**
 * Runs `node dist/cli.js …` as a real process with piped stdio (so never a TTY) and a clean
 * environment: only PATH plus `env`, so the developer's own AMBERKIT_* settings or config file
 * cannot leak in. Rejects if the process outlives `timeoutMs`.
 */
export function runCli(
  args: readonly string[],
  options: { env?: Record<string, string>; input?: string; timeoutMs?: number } = {},
): Promise<CliResult> {
  const child = spawn(process.execPath, [CLI_PATH, ...args], {
    env: { PATH: process.env.PATH ?? '', ...options.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  child.stdin.end(options.input ?? '');
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`amberkit ${args.join(' ')} did not exit in time\n${stdout}\n${stderr}`));
    }, options.timeoutMs ?? 20_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
