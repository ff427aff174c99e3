import { type Connection, VERSION } from '../config/index.js';
import { parseCommandArgs } from './args.js';
import { EXIT } from './exit-code.js';
import { globalHelp } from './help.js';
import { type CliIO, writeLine } from './io.js';
import { CONNECTION_OPTIONS, connectionFrom, HELP_OPTION } from './run-command.js';

/** Starts the terminal UI for a resolved connection and returns its exit code. */
export type StartInteractive = (connection: Connection) => Promise<number>;

export const NOT_A_TERMINAL = [
  'amberkit: the interactive UI needs a terminal (stdin and stdout must be a TTY).',
  'In pipes, scripts and CI use the scriptable commands instead, for example:',
  '  amberkit customers list --json',
  '  amberkit customers get customer-123456 --json',
  '  amberkit invoices list --customer customer-123456 --json',
  'Run `amberkit --help` for every command.',
].join('\n');

/**
 * `amberkit` without a command: `--version`, `--help`, or the UI. The UI needs a terminal on
 * both ends (Ink in a pipe prints "Raw mode is not supported" and exits 0), so without one
 * this explains the scriptable commands and exits 2.
 */
export async function interactive(
  globals: readonly string[],
  io: CliIO,
  secrets: string[],
  start: StartInteractive,
): Promise<number> {
  const options = {
    ...CONNECTION_OPTIONS,
    ...HELP_OPTION,
    version: { type: 'boolean', short: 'v' },
  } as const;
  const args = parseCommandArgs(globals, options, { command: '', positionals: [] });
  const key = args.string('api-key');
  if (key !== undefined) secrets.push(key);
  if (args.flag('version')) {
    writeLine(io.stdout, VERSION);
    return EXIT.ok;
  }
  if (args.flag('help')) {
    for (const line of globalHelp(VERSION)) writeLine(io.stdout, line);
    return EXIT.ok;
  }
  if (!io.stdin.isTTY || !io.stdout.isTTY) {
    writeLine(io.stderr, NOT_A_TERMINAL);
    return EXIT.usage;
  }
  return start(await connectionFrom(args, io, secrets));
}
