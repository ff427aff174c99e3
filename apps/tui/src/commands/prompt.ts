import { createInterface } from 'node:readline/promises';
import { UsageError } from './errors.js';
import type { CliIO } from './io.js';

/** Prompts (on stderr, keeping stdout for data) and returns the trimmed answer. */
export async function ask(io: CliIO, question: string): Promise<string> {
  const rl = createInterface({ input: io.stdin, output: io.stderr, terminal: true });
  const cancel = new AbortController();
  // Ctrl-C or Ctrl-D at a prompt cancels the command instead of leaving it waiting.
  rl.on('SIGINT', () => cancel.abort());
  rl.on('close', () => cancel.abort());
  try {
    return (await rl.question(question, { signal: cancel.signal })).trim();
  } catch {
    throw new UsageError('cancelled at the prompt; nothing was changed');
  } finally {
    rl.close();
  }
}

/**
 * Prompts for a secret without echoing it (raw mode, read key by key). Backspace edits,
 * Enter finishes, Ctrl-C or Ctrl-D cancels.
 */
export function askHidden(io: CliIO, question: string): Promise<string> {
  const { stdin } = io;
  io.stderr.write(question);
  stdin.setRawMode?.(true);
  stdin.setEncoding('utf8');
  stdin.resume();
  return new Promise((resolve, reject) => {
    let value = '';
    const finish = () => {
      stdin.off('data', onData);
      stdin.setRawMode?.(false);
      stdin.pause();
      io.stderr.write('\n');
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n') {
          finish();
          resolve(value.trim());
          return;
        }
        if (char === '\u0003' || char === '\u0004') {
          finish();
          reject(new UsageError('cancelled at the prompt; nothing was changed'));
          return;
        }
        if (char === '\u007f' || char === '\b') value = value.slice(0, -1);
        else if (char >= ' ') value += char;
      }
    };
    stdin.on('data', onData);
  });
}
