import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import process from 'node:process';
import { createInterface } from 'node:readline';

/** How a process ended: its exit code, or the signal that ended it. */
export type ExitInfo = { readonly code: number | null; readonly signal: NodeJS.Signals | null };

/** A part of the demo running as a child process of its real CLI. */
export type Part = {
  readonly name: string;
  readonly pid: number;
  /** Settles when the process has ended (never rejects). */
  readonly exited: Promise<ExitInfo>;
  /** Resolves with the first output line matching `pattern`; rejects if the part ends first. */
  waitForLine(pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray>;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves when the process has ended. */
  stop(graceMs: number): Promise<ExitInfo>;
  /** Sends a signal now, synchronously (for the last moments of the demo's own process). */
  kill(signal: NodeJS.Signals): void;
  /** The last lines it printed (stdout and stderr), for a report after a crash. */
  tail(): string[];
};

const TAIL_LINES = 20;

/** How long a starting part gets to print the line that says it is ready. */
export const READY_TIMEOUT_MS = 15_000;

export type SpawnPartOptions = {
  name: string;
  bin: string;
  args: readonly string[];
  env: Record<string, string | undefined>;
  /** Output goes here (it must never reach the terminal the TUI draws on). */
  logFile: string;
};

/** Starts `node bin …args` with its output piped to a log file and watched line by line. */
export function spawnPart(options: SpawnPartOptions): Part {
  const child = spawn(process.execPath, [options.bin, ...options.args], {
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = createWriteStream(options.logFile, { flags: 'a' });
  const lines: string[] = [];
  const listeners = new Set<(line: string) => void>();
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream! }).on('line', (line) => {
      log.write(`${line}\n`);
      lines.push(line);
      if (lines.length > TAIL_LINES) lines.shift();
      for (const listener of listeners) listener(line);
    });
  }
  const exited = exitOf(child).finally(() => log.end());
  let ended = false;
  void exited.then(() => {
    ended = true;
  });

  const waitForLine = (pattern: RegExp, timeoutMs: number) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        listeners.delete(onLine);
      };
      const onLine = (line: string) => {
        const match = line.match(pattern);
        if (match) {
          done();
          resolve(match);
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`${options.name} printed no ${pattern} within ${timeoutMs} ms`));
      }, timeoutMs);
      listeners.add(onLine);
      void exited.then((info) => {
        done();
        reject(new Error(`${options.name} ended (${describeExit(info)}) before it was ready`));
      });
    });

  const stop = (graceMs: number) => stopChild(child, exited, graceMs);

  return {
    name: options.name,
    pid: child.pid ?? -1,
    exited,
    waitForLine,
    stop,
    kill: (signal) => {
      if (!ended) child.kill(signal);
    },
    tail: () => [...lines],
  };
}

/**
 * Resolves once the process has exited and its output is all read ('close', not 'exit': the
 * last lines before a crash arrive after 'exit'), or it failed to start at all.
 */
export function exitOf(child: ChildProcess): Promise<ExitInfo> {
  return new Promise((resolve) => {
    child.once('close', (code, signal) => resolve({ code, signal }));
    child.once('error', () => resolve({ code: 127, signal: null }));
  });
}

/** SIGTERM, then SIGKILL if it is still running after `graceMs`; resolves once it ended. */
export async function stopChild(
  child: ChildProcess,
  exited: Promise<ExitInfo>,
  graceMs: number,
): Promise<ExitInfo> {
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  const info = await exited;
  clearTimeout(timer);
  return info;
}

/** `exit 0`, `signal SIGTERM`. */
export function describeExit(info: ExitInfo): string {
  return info.signal ? `signal ${info.signal}` : `exit ${info.code}`;
}
