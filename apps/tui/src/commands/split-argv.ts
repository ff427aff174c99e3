import { looksLikeTimeout } from '../config/timeout.js';
import { UsageError } from './errors.js';
import { COMMANDS } from './registry.js';
import { CONNECTION_OPTIONS } from './run-command.js';

/** The connection flags that take a value (`--timeout 5` as well as `--base-url URL`). */
const VALUE_FLAGS = new Set(
  Object.entries(CONNECTION_OPTIONS)
    .filter(([, option]) => option.type === 'string')
    .map(([name]) => `--${name}`),
);

/** The first words of the commands: `customers`, `invoices`, `login`, … */
const COMMAND_WORDS = new Set(COMMANDS.map((command) => command.name.split(' ')[0]));

/**
 * A flag given without its value takes the next word: `amberkit --timeout customers list`
 * would read `customers` as the timeout and then call `list` an unknown command. So a
 * `--timeout` that is not followed by a number, or another flag followed by a command word
 * where no command follows, is named as the flag missing its value.
 */
function checkValue(flag: string, value: string, rest: readonly string[]): void {
  if (flag === '--timeout') {
    if (!looksLikeTimeout(value))
      throw new UsageError(
        `--timeout needs a number of seconds (30, 2.5) or a duration (500ms, 10s, 2m, 1h), not '${value}'`,
      );
    return;
  }
  const [next] = rest;
  if (COMMAND_WORDS.has(value) && next !== undefined && !COMMAND_WORDS.has(next))
    throw new UsageError(`${flag} needs a value: '${value}' after it is a command`);
}

/**
 * Splits `amberkit [global flags] <words…> [flags]`: flags before the first word (and the
 * value of a connection flag) are global; the words name the command. A leading `--` is
 * dropped because `pnpm tui -- …` passes one through.
 */
export function splitArgv(argv: readonly string[]): { globals: string[]; words: string[] } {
  const args = argv[0] === '--' ? argv.slice(1) : [...argv];
  const globals: string[] = [];
  let i = 0;
  while (i < args.length && args[i]!.startsWith('-') && args[i] !== '--') {
    const token = args[i]!;
    globals.push(token);
    i += 1;
    if (VALUE_FLAGS.has(token) && i < args.length) {
      checkValue(token, args[i]!, args.slice(i + 1));
      globals.push(args[i]!);
      i += 1;
    }
  }
  return { globals, words: args.slice(i) };
}
