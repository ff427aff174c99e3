import { spawnSync } from 'node:child_process';
import process from 'node:process';

/** Leave the alternate screen, show the cursor, reset colours. */
const RESET_SCREEN = '\x1b[?1049l\x1b[?25h\x1b[0m';

export type TerminalState = {
  /** Puts the terminal back as it was before the TUI ran (after a crash or a kill). */
  restore(): void;
};

/**
 * Remembers the terminal's line settings (`stty -g`) before the TUI takes it, so that if the
 * TUI dies without cleaning up (killed, crashed in raw mode) the demo can put the terminal
 * back: an echo-less raw terminal is the worst thing to leave a newcomer.
 */
export function saveTerminal(): TerminalState {
  if (!process.stdin.isTTY) return { restore: () => {} };
  const saved = spawnSync('stty', ['-g'], {
    stdio: ['inherit', 'pipe', 'ignore'],
    encoding: 'utf8',
  });
  const settings = saved.status === 0 ? saved.stdout.trim() : undefined;
  return {
    restore() {
      if (process.stdout.isTTY) process.stdout.write(RESET_SCREEN);
      spawnSync('stty', [settings ?? 'sane'], { stdio: ['inherit', 'ignore', 'ignore'] });
    },
  };
}
