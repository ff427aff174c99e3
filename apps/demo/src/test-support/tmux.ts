import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_CLI, poll } from './demo-process.js';

let sessions = 0;

/** The demo in a real terminal: a tmux pane of 100x30 on a tmux server of its own. */
export type TmuxDemo = {
  /** The pane's text, wrapped lines joined, with its scrollback. */
  screen(): string;
  /** While a program shows the alternate screen: the normal screen it covers. */
  normalScreen(): string;
  waitForScreen(pattern: RegExp, timeoutMs?: number): Promise<void>;
  sendKeys(...keys: string[]): void;
  /** Pid of the demo process (the pane's shell runs it). */
  demoPid(): number;
  /** `stty -g` before the demo ran and after it ended. */
  sttyBeforeAfter(): [string, string];
  [Symbol.dispose](): void;
};

const sh = (value: string) => `'${value.replaceAll("'", "'\\''")}'`;

export function startDemoInTmux(args: string[] = []): TmuxDemo {
  const socket = `amberkit-demo-test-${process.pid}-${++sessions}`;
  const dir = mkdtempSync(join(tmpdir(), 'amberkit-demo-tty-'));
  const tmux = (...tmuxArgs: string[]) =>
    execFileSync('tmux', ['-L', socket, ...tmuxArgs], { encoding: 'utf8' });
  // Ink renders only its last frame when CI is set: this is a person's terminal.
  const command = [
    `stty -g > ${sh(join(dir, 'before'))}`,
    `CI=false ${sh(process.execPath)} ${sh(DEMO_CLI)} ${args.map(sh).join(' ')}`,
    // The terminal's settings are saved before the exit line shows, so a test that saw the
    // line can read them.
    'code=$?',
    `stty -g > ${sh(join(dir, 'after'))}`,
    'echo DEMO-EXIT=$code',
    'sleep 600',
  ].join('; ');
  tmux('-f', '/dev/null', 'new-session', '-d', '-x', '100', '-y', '30', 'sh', '-c', command);
  const screen = () => tmux('capture-pane', '-p', '-J', '-S', '-300');
  return {
    screen,
    normalScreen: () => tmux('capture-pane', '-p', '-J', '-a'),
    waitForScreen: (pattern, timeoutMs = 30_000) =>
      poll(
        () => pattern.test(screen()),
        timeoutMs,
        () => `the screen never showed ${pattern}:\n${screen()}`,
      ),
    sendKeys: (...keys) => void tmux('send-keys', ...keys),
    demoPid() {
      const shell = tmux('display-message', '-p', '#{pane_pid}').trim();
      return childPids(Number(shell))[0]!;
    },
    sttyBeforeAfter: () => [
      readFileSync(join(dir, 'before'), 'utf8'),
      readFileSync(join(dir, 'after'), 'utf8'),
    ],
    [Symbol.dispose]() {
      try {
        tmux('kill-server');
      } catch {}
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The pids of a process's children (Linux/macOS `ps`). */
export function childPids(pid: number): number[] {
  try {
    return execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' })
      .split('\n')
      .map((line) => Number(line.trim()))
      .filter((n) => n > 0);
  } catch {
    return [];
  }
}
