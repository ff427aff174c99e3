import { readEnv, VERSION } from '../config/index.js';
import { safeLines } from '../model/safe-text.js';
import { describeError, EXIT, exitCodeFor, redact } from './exit-code.js';
import { commandHelp, globalHelp } from './help.js';
import { interactive, type StartInteractive } from './interactive.js';
import { type CliIO, writeLine } from './io.js';
import { findCommand } from './registry.js';
import { runCommand } from './run-command.js';
import { splitArgv } from './split-argv.js';

/**
 * The whole command line: dispatches to a scriptable command, or to the UI when no command
 * is given. Every failure becomes one line on stderr (keys redacted; the stack only with
 * AMBERKIT_DEBUG=1) and an exit code: 0 ok, 1 API error, 2 usage error.
 */
export async function main(
  argv: readonly string[],
  io: CliIO,
  startInteractive: StartInteractive,
): Promise<number> {
  const env = readEnv(io.env);
  const secrets = env.AMBERKIT_API_KEY === undefined ? [] : [env.AMBERKIT_API_KEY];
  try {
    const { globals, words } = splitArgv(argv);
    if (words[0] === 'help') {
      const lines =
        words.length > 1 ? commandHelp(findCommand(words.slice(1)).command) : globalHelp(VERSION);
      for (const line of lines) writeLine(io.stdout, line);
      return EXIT.ok;
    }
    if (words.length > 0) {
      const { command, rest } = findCommand(words);
      await runCommand(command, [...globals, ...rest], io, secrets);
      return EXIT.ok;
    }
    return await interactive(globals, io, secrets, startInteractive);
  } catch (error) {
    writeLine(io.stderr, `amberkit: ${describeError(error, secrets)}`);
    if (env.AMBERKIT_DEBUG && error instanceof Error && error.stack) {
      writeLine(io.stderr, safeLines(redact(error.stack, secrets)));
    }
    return exitCodeFor(error);
  }
}
