import type { AmberfloClient } from '@amberkit/core/client';
import chalk from 'chalk';
import { render } from 'ink';
import { showLine } from '../commands/exit-code.js';
import type { Connection } from '../config/index.js';
import { App } from './app.js';
import { KeyStream } from './terminal/key-stream.js';

export type RunTuiOptions = {
  readonly client: AmberfloClient;
  readonly connection: Connection;
  readonly stdin?: NodeJS.ReadStream;
  readonly stdout?: NodeJS.WriteStream;
  readonly fetch?: typeof fetch;
};

const ENTER_ALT_SCREEN = '\u001b[?1049h\u001b[H';
const LEAVE_ALT_SCREEN = '\u001b[?1049l';

/** An error's message for stderr, with the API key and any proxy caller key masked. */
function message(error: unknown, apiKey: string): string {
  const text = error instanceof Error ? error.message : String(error);
  return showLine(text, [apiKey]);
}

/**
 * Runs the interactive UI full screen on the alternate screen buffer until the user quits,
 * and gives the terminal back as it was on any exit: quit, Ctrl-C, SIGTERM, SIGINT, SIGHUP or
 * an uncaught error (reported as one line on stderr, without a stack). Resolves the exit code.
 */
export async function runTui(options: RunTuiOptions): Promise<number> {
  const stdout = options.stdout ?? process.stdout;
  // One key per read, so a burst ("j\r") acts like keys typed one after another.
  const stdin = new KeyStream(options.stdin ?? process.stdin) as unknown as NodeJS.ReadStream;
  let restored = false;
  const restore = () => {
    if (restored) return;
    restored = true;
    stdout.write(LEAVE_ALT_SCREEN);
  };
  stdout.write(ENTER_ALT_SCREEN);
  const instance = render(
    <App
      client={options.client}
      connection={options.connection}
      {...(options.fetch ? { fetch: options.fetch } : {})}
      // Ink draws through chalk: its level is whether styles (inverse included) reach the screen.
      styled={chalk.level > 0}
    />,
    { stdin, stdout, exitOnCtrlC: false, patchConsole: true },
  );
  const stop = (code: number, error?: unknown) => {
    instance.unmount();
    restore();
    if (error !== undefined)
      process.stderr.write(`amberkit: ${message(error, options.connection.apiKey)}\n`);
    process.exit(code);
  };
  const onSigterm = () => stop(143);
  const onSigint = () => stop(130);
  const onSighup = () => stop(129);
  const onCrash = (error: unknown) => stop(1, error);
  process.on('SIGTERM', onSigterm);
  process.on('SIGINT', onSigint);
  process.on('SIGHUP', onSighup);
  process.on('uncaughtException', onCrash);
  process.on('unhandledRejection', onCrash);
  process.on('exit', restore);
  try {
    await instance.waitUntilExit();
    return 0;
  } catch (error) {
    process.stderr.write(`amberkit: ${message(error, options.connection.apiKey)}\n`);
    return 1;
  } finally {
    restore();
    process.off('SIGTERM', onSigterm);
    process.off('SIGINT', onSigint);
    process.off('SIGHUP', onSighup);
    process.off('uncaughtException', onCrash);
    process.off('unhandledRejection', onCrash);
    process.off('exit', restore);
  }
}
