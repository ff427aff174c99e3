import { CONNECTION_OPTIONS } from './run-command.js';

/** The connection flags that take a value (`--timeout 5` as well as `--base-url URL`). */
const VALUE_FLAGS = new Set(
  Object.entries(CONNECTION_OPTIONS)
    .filter(([, option]) => option.type === 'string')
    .map(([name]) => `--${name}`),
);

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
      globals.push(args[i]!);
      i += 1;
    }
  }
  return { globals, words: args.slice(i) };
}
