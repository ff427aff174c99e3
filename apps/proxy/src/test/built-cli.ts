import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtAfterSources } from '../../../../dist-freshness.js';
import { until } from './poll.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CLI = join(root, 'dist', 'cli.js');

/**
 * Builds dist/ with tsdown when it is missing or older than the sources (tests and src/test/
 * helpers are not sources: editing one must not rebuild dist/ under a run that uses it).
 */
export function ensureBuilt(): void {
  if (!builtAfterSources(CLI, join(root, 'src')))
    execFileSync('pnpm', ['run', 'build'], { cwd: root, stdio: 'ignore' });
}

/**
 * A private copy of the built CLI, so another build of the package (a parallel `turbo run
 * build`) cannot remove it mid-test. It sits under the package's node_modules, so its bare
 * imports still resolve. Dispose removes it.
 */
export function builtCli(): { path: string; [Symbol.dispose](): void } {
  ensureBuilt();
  const dir = mkdtempSync(join(root, 'node_modules', '.amberkit-proxy-test-'));
  cpSync(join(root, 'dist'), dir, { recursive: true });
  return {
    path: join(dir, 'cli.js'),
    [Symbol.dispose]: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export type Spawned = {
  child: ChildProcess;
  stdout: string[];
  stderr: string[];
  exited: Promise<number | null>;
  /** Resolves with the URL from the `listening` log line. */
  url(): Promise<string>;
  [Symbol.asyncDispose](): Promise<void>;
};

/** Runs `node dist/cli.js …` with only the given environment (plus PATH). */
export function spawnCli(cli: string, args: string[], env: Record<string, string>): Spawned {
  const child = spawn(process.execPath, [cli, ...args], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: 'pipe',
  });
  const stdout: string[] = [];
  const stderr: string[] = [];
  const collect = (into: string[]) => {
    let partial = '';
    return (chunk: Buffer) => {
      const text = partial + chunk.toString('utf8');
      const lines = text.split('\n');
      partial = lines.pop() ?? '';
      into.push(...lines);
    };
  };
  child.stdout.on('data', collect(stdout));
  child.stderr.on('data', collect(stderr));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  return {
    child,
    stdout,
    stderr,
    exited,
    url: () =>
      until(
        () => {
          for (const line of stdout)
            if (line.includes('"msg":"listening"')) return JSON.parse(line).url as string;
          if (child.exitCode !== null)
            throw new Error(`proxy exited ${child.exitCode}: ${stderr.join(' ')}`);
          return undefined;
        },
        'the proxy to listen',
        15_000,
      ),
    async [Symbol.asyncDispose]() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
        await exited;
      }
    },
  };
}
