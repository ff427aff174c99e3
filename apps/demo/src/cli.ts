#!/usr/bin/env node
/**
 * `pnpm start`: the whole system for a newcomer.
 *
 * Each part runs as a child process of its real CLI (`amberkit-emulator`, `amberkit-proxy`,
 * `amberkit`) rather than in this process: the demo then exercises exactly what users run
 * (flags, env, output, signals), the TUI owns the terminal alone (its raw mode and alternate
 * screen cannot be disturbed by the servers' event loops or log lines, which go to log files),
 * and a crash in one part is seen as a process exit that the demo turns into stopping the rest.
 */
import { createRequire } from 'node:module';
import process from 'node:process';
import { processEnv, readDemoEnv } from './config/env.js';
import { resolveOptions } from './config/options.js';
import { parseDemoArgs, USAGE } from './config/parse-args.js';
import { UsageError } from './config/usage-error.js';
import { BINS } from './parts/bins.js';
import { runDemo } from './run-demo.js';
import { saveTerminal } from './terminal/terminal-state.js';

const out = (line: string) => process.stdout.write(`${line}\n`);
const err = (line: string) => process.stderr.write(`${line}\n`);

function versions(): string {
  const require = createRequire(import.meta.url);
  return Object.values(BINS)
    .map(({ pkg }) => `${pkg} ${(require(`${pkg}/package.json`) as { version: string }).version}`)
    .join(', ');
}

async function main(argv: string[]): Promise<number> {
  try {
    const flags = parseDemoArgs(argv);
    if (flags.kind === 'help') {
      out(USAGE);
      return 0;
    }
    if (flags.kind === 'version') {
      out(`amberkit-demo (${versions()})`);
      return 0;
    }
    const env = processEnv();
    const options = resolveOptions(flags, readDemoEnv(env));
    return await runDemo(options, {
      env,
      out,
      err,
      interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY),
      onSignal: (handler) => {
        for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const)
          process.on(signal, () => handler(signal));
      },
      onExit: (handler) => process.once('exit', handler),
      saveTerminal,
    });
  } catch (error) {
    if (error instanceof UsageError) {
      err(`amberkit-demo: ${error.message}`);
      return 2;
    }
    err(
      `amberkit-demo: unexpected error: ${error instanceof Error ? error.message : String(error)}`,
    );
    return 1;
  }
}

process.exit(await main(process.argv.slice(2)));
