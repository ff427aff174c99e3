import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * A command running in a real terminal: a private tmux server (its own socket, so nothing
 * touches the user's sessions) with one 100x30 window. Dispose to kill the server.
 */
export async function tmuxSession(command: string, env: Record<string, string>) {
  const socket = `amberkit-cli-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  const tmux = (...args: string[]) => run('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
  const exports = Object.entries(env)
    .map(([k, v]) => `${k}=${shellQuote(v)}`)
    .join(' ');
  // A clean environment (env -i) so the developer's AMBERKIT_* settings cannot leak in; print
  // the exit code and keep the pane open so the test can read both.
  const script = `env -i TERM=xterm-256color ${exports} ${command}; echo "[exit $?]"; sleep 60`;
  await tmux('-f', '/dev/null', 'new-session', '-d', '-x', '100', '-y', '30', 'sh', '-c', script);
  const screen = async () => (await tmux('capture-pane', '-p', '-J')).stdout;
  return {
    screen,
    /** Polls the screen until `pattern` shows up, failing with the screen after `timeoutMs`. */
    async waitFor(pattern: RegExp, timeoutMs = 10_000): Promise<string> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const text = await screen();
        if (pattern.test(text)) return text;
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern}:\n${text}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    /** Types text literally (no key names), then optionally Enter. */
    async type(text: string, enter = true) {
      await tmux('send-keys', '-l', text);
      if (enter) await tmux('send-keys', 'Enter');
    },
    async [Symbol.asyncDispose]() {
      await tmux('kill-server').catch(() => undefined);
    },
  };
}

const shellQuote = (value: string) => `'${value.replaceAll("'", "'\\''")}'`;
