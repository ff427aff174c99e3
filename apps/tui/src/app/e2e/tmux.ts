import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** One private tmux server (its own socket), driven the way a person would drive a terminal. */
export class Tmux {
  readonly socket = `amberkit-test-${process.pid}`;
  target = 'amberkit';

  static assertInstalled(): void {
    try {
      execFileSync('tmux', ['-V'], { stdio: 'pipe' });
    } catch {
      throw new Error(
        'tmux is not installed: the end-to-end test needs it (apt-get install tmux; .ci/run installs it).',
      );
    }
  }

  run(...args: string[]): string {
    return execFileSync('tmux', ['-L', this.socket, ...args], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  }

  /** Where the shell around the current command writes its exit status. */
  statusFile = '';
  /** A private directory for every session's status file, removed whole by {@link kill}. */
  #dir: string | undefined;

  /**
   * Starts `command` in a new session (and makes it the target of later calls). A shell
   * around it writes its exit status to a file: tmux's own `pane_dead_status` is sometimes
   * never recorded under load, and an exit code must not go unchecked.
   */
  start(command: string[], columns: number, rows: number, session = 'amberkit'): void {
    this.target = session;
    this.#dir ??= mkdtempSync(join(tmpdir(), 'amberkit-e2e-'));
    this.statusFile = join(this.#dir, `${session}.status`);
    rmSync(this.statusFile, { force: true });
    const wrapped = ['sh', '-c', '"$@"; echo "$?" > "$0"', this.statusFile, ...command];
    this.run(
      '-f',
      '/dev/null',
      'new-session',
      '-d',
      '-s',
      this.target,
      '-x',
      String(columns),
      '-y',
      String(rows),
      ...wrapped,
    );
    this.run('set-option', '-t', this.target, 'remain-on-exit', 'on');
  }

  /** Sends one key: a tmux key name (`Enter`, `Escape`, `Down`) or, with `literal`, text. */
  key(key: string, literal = false): void {
    this.run('send-keys', '-t', this.target, ...(literal ? ['-l', key] : [key]));
  }

  /** Types text one key at a time, as a person does. */
  type(text: string): void {
    for (const char of text) this.key(char, true);
  }

  /** The visible screen; with `escapes`, with its colour and style sequences. */
  screen(escapes = false): string {
    return this.run('capture-pane', '-p', ...(escapes ? ['-e'] : []), '-t', this.target);
  }

  panePid(): number {
    return Number(this.run('display-message', '-p', '-t', this.target, '#{pane_pid}').trim());
  }

  /** The command's own process: the one child of the pane's shell. */
  commandPid(): number {
    const children = execFileSync('pgrep', ['-P', String(this.panePid())], { encoding: 'utf8' })
      .trim()
      .split('\n');
    if (children.length !== 1) throw new Error(`expected one process, found ${children.length}`);
    return Number(children[0]);
  }

  /** Whether the pane's process has ended, and its exit status ('' until tmux has it). */
  paneDead(): { dead: boolean; status: string } {
    const format = '#{pane_dead}|#{pane_dead_status}';
    const [dead = '0', status = ''] = this.run('display-message', '-p', '-t', this.target, format)
      .trim()
      .split('|');
    return { dead: dead === '1', status };
  }

  /** Waits for the command to end and returns its exit status, as its shell recorded it. */
  async exitStatus(timeoutMs = 10_000): Promise<string> {
    await this.waitFor(() => this.paneDead().dead, 'the process to exit', timeoutMs);
    if (!existsSync(this.statusFile)) throw new Error('the command ended without an exit status');
    return readFileSync(this.statusFile, 'utf8').trim();
  }

  async waitFor(
    test: (screen: string) => boolean,
    what: string,
    timeoutMs = 10_000,
  ): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const screen = this.screen();
      if (test(screen)) return screen;
      if (Date.now() > deadline)
        throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}. Screen:\n${screen}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  waitForText(text: string, timeoutMs?: number): Promise<string> {
    return this.waitFor((screen) => screen.includes(text), JSON.stringify(text), timeoutMs);
  }

  /** Ends the tmux server and removes every status file this instance wrote. */
  kill(): void {
    if (this.#dir !== undefined) rmSync(this.#dir, { recursive: true, force: true });
    this.#dir = undefined;
    try {
      this.run('kill-server');
    } catch {
      // Already gone.
    }
  }
}
