#!/usr/bin/env node
import { redact } from './commands/exit-code.js';
import { type CliIO, main } from './commands/index.js';
import {
  type Connection,
  createClientFor,
  prepareUiEnv,
  processEnv,
  readEnv,
} from './config/index.js';
import { safeLines, safeText } from './model/safe-text.js';

const io: CliIO = {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: processEnv(),
};

// `amberkit … | head` closes the pipe early: that is the reader's choice, not a crash.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

// A last net: anything that escapes main() still ends as one line, never a stack trace.
// While the UI runs, runTui's own handler takes over (it must restore the screen first).
const debug = readEnv(io.env).AMBERKIT_DEBUG;
let uiRunning = false;
// The keys this process may hold that can be known without reading the config file: a
// profile's key reaches stderr only through main() and the UI, which mask it themselves.
const knownKeys = (): string[] => {
  const keys = [readEnv(io.env).AMBERKIT_API_KEY ?? ''];
  const argv = process.argv;
  for (let i = 2; i < argv.length; i++) {
    if (argv[i] === '--api-key') keys.push(argv[i + 1] ?? '');
    else if (argv[i]!.startsWith('--api-key=')) keys.push(argv[i]!.slice('--api-key='.length));
  }
  return keys;
};
const crash = (error: unknown) => {
  if (uiRunning) return;
  const line = error instanceof Error ? error.message : String(error);
  process.stderr.write(`amberkit: ${safeText(redact(line.split('\n')[0]!, knownKeys()))}\n`);
  if (debug && error instanceof Error && error.stack)
    process.stderr.write(`${safeLines(redact(error.stack, knownKeys()))}\n`);
  process.exit(1);
};
process.on('uncaughtException', crash);
process.on('unhandledRejection', crash);

async function startInteractive(connection: Connection): Promise<number> {
  // Ink fixes its colour level when it loads, and ignores NO_COLOR: map it first, then load.
  prepareUiEnv(readEnv(io.env), io.env);
  const { runTui } = await import('./app/index.js');
  uiRunning = true;
  try {
    return await runTui({ client: createClientFor(connection), connection });
  } finally {
    uiRunning = false;
  }
}

process.exitCode = await main(process.argv.slice(2), io, startInteractive);
