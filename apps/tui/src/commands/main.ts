import { readEnv, VERSION } from '../config/index.js';
import { safeLines } from '../model/safe-text.js';
import { describeError, EXIT, exitCodeFor, redact } from './exit-code.js';
import { commandHelp, globalHelp, groupHelp } from './help.js';
import { interactive, type StartInteractive } from './interactive.js';
import { type CliIO, writeLine } from './io.js';
import { findCommand, groupCommands } from './registry.js';
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
    const help =
      words[0] === 'help' ? words.slice(1) : groupHelpWanted(globals, words) ? words : undefined;
    if (help !== undefined) {
      for (const line of helpFor(help)) writeLine(io.stdout, line);
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

const isHelpFlag = (arg: string) => arg === '--help' || arg === '-h';

/**
 * `amberkit customers --help` (or `-h`, or `amberkit --help customers`): a group named without
 * its subcommand, and help asked for. With a subcommand (`customers get --help`) the command
 * prints its own help.
 */
function groupHelpWanted(globals: readonly string[], words: readonly string[]): boolean {
  const [group, second] = words;
  if (group === undefined || groupCommands(group).length === 0) return false;
  if (second !== undefined && !second.startsWith('-')) return false;
  return [...globals, ...words].some(isHelpFlag);
}

/**
 * The help `words` name: none for everything, a group for its commands, a command for its
 * flags. `customers --help get` is the help of `customers get`, as kubectl reads it.
 */
function helpFor(words: readonly string[]): string[] {
  const named = words.filter((word) => !word.startsWith('-'));
  const [group] = named;
  if (group === undefined) return globalHelp(VERSION);
  if (named.length === 1 && groupCommands(group).length > 0) return groupHelp(group);
  return commandHelp(findCommand(named).command);
}
