import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The built demo, as `pnpm start` runs it after building. */
export const DEMO_CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
export const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

/** What the banner says, read back from its `label  value` lines. */
export type Banner = {
  emulator?: { url: string; pid: number };
  upstream?: string;
  proxy: { url: string; pid: number; kind: string };
  key: string;
  curl: string;
  /** The folder of the parts' logs, when the banner names one. */
  logs?: string;
};

/** Reads the last banner in `text`; throws when a line is missing. */
export function parseBanner(text: string): Banner {
  const last = <T>(pattern: RegExp, map: (m: RegExpMatchArray) => T): T | undefined => {
    const all = [...text.matchAll(new RegExp(pattern, 'gm'))];
    const match = all.at(-1);
    return match ? map(match) : undefined;
  };
  const proxy = last(/^ {2}proxy +(\S+) +upstream kind: (\S+) +\(pid (\d+)\)$/, (m) => ({
    url: m[1]!,
    kind: m[2]!,
    pid: Number(m[3]),
  }));
  const key = last(/^ {2}demo key +(\S+)/, (m) => m[1]!);
  const curl = last(/^ {2}try +(curl .+)$/, (m) => m[1]!);
  if (!proxy || !key || !curl) throw new Error(`no banner in:\n${text}`);
  const emulator = last(/^ {2}emulator +(\S+) .*\(pid (\d+)\)$/, (m) => ({
    url: m[1]!,
    pid: Number(m[2]),
  }));
  const upstream = last(/^ {2}upstream +(\S+)$/, (m) => m[1]!);
  const logs = last(/^ {2}logs +(\S+)$/, (m) => m[1]!);
  return {
    proxy,
    key,
    curl,
    ...(emulator ? { emulator } : {}),
    ...(upstream ? { upstream } : {}),
    ...(logs ? { logs } : {}),
  };
}

export type DemoProcess = {
  readonly child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Waits until stdout (or stderr) matches, failing early if the demo exits first. */
  waitFor(pattern: RegExp, timeoutMs?: number, stream?: 'stdout' | 'stderr'): Promise<void>;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  [Symbol.asyncDispose](): Promise<void>;
};

/**
 * Runs the built demo without a terminal (pipes), in its own process group so a test can
 * signal the group as a terminal's Ctrl-C does.
 */
export function startDemo(
  args: string[] = [],
  env: Record<string, string | undefined> = {},
): DemoProcess {
  const child = spawn(process.execPath, [DEMO_CLI, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let out = '';
  let err = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    out += chunk;
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    err += chunk;
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  let done = false;
  void exited.then(() => {
    done = true;
  });
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exited,
    waitFor: (pattern, timeoutMs = 30_000, stream = 'stdout') =>
      poll(
        () => pattern.test(stream === 'stdout' ? out : err),
        timeoutMs,
        () => `demo output never matched ${pattern}\nstdout:\n${out}\nstderr:\n${err}`,
        () =>
          done ? `demo exited before ${pattern}\nstdout:\n${out}\nstderr:\n${err}` : undefined,
      ),
    async [Symbol.asyncDispose]() {
      if (!done) {
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {}
        await exited;
      }
    },
  };
}

/** Polls `check` every 50 ms until it holds; `failFast` returns a message to stop early. */
export async function poll(
  check: () => boolean,
  timeoutMs: number,
  message: () => string,
  failFast: () => string | undefined = () => undefined,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (check()) return;
    const early = failFast();
    if (early !== undefined) throw new Error(early);
    if (Date.now() > deadline) throw new Error(message());
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Whether a process is running (a zombie awaiting its parent counts as ended). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return true;
  }
}

/** Waits (with a deadline) until none of `pids` runs; names the ones that still do. */
export async function expectAllEnded(pids: number[], timeoutMs = 10_000): Promise<void> {
  await poll(
    () => pids.every((pid) => !isRunning(pid)),
    timeoutMs,
    () => `still running: ${pids.filter(isRunning).join(', ')}`,
  );
}
