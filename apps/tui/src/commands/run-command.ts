import { type Connection, createClientFor, resolveConnection } from '../config/index.js';
import { type OptionSpec, type ParsedArgs, parseCommandArgs } from './args.js';
import type { Command } from './command.js';
import { UsageError } from './errors.js';
import { commandHelp } from './help.js';
import type { CliIO } from './io.js';
import { writeLine } from './io.js';

/** The connection flags every connected command (and the bare UI) accepts. */
export const CONNECTION_OPTIONS = {
  'base-url': { type: 'string' },
  'api-key': { type: 'string' },
  profile: { type: 'string' },
  'read-only': { type: 'boolean' },
  timeout: { type: 'string' },
} as const satisfies OptionSpec;

/** `--help` / `-h`, which every command and the bare UI accept. */
export const HELP_OPTION = { help: { type: 'boolean', short: 'h' } } as const satisfies OptionSpec;

/**
 * Parses a command's flags strictly, prints its help on `--help`, resolves the connection,
 * refuses writes in read-only mode (before anything is sent), then runs it.
 */
export async function runCommand(
  command: Command,
  argv: readonly string[],
  io: CliIO,
  secrets: string[],
): Promise<void> {
  const options = {
    ...HELP_OPTION,
    ...(command.connects ? CONNECTION_OPTIONS : {}),
    ...command.options,
  };
  const spec = { command: command.name, positionals: command.positionals ?? [] };
  const args = parseCommandArgs(argv, options, spec);
  const flagKey = args.string('api-key');
  if (flagKey !== undefined) secrets.push(flagKey);
  if (args.flag('help')) {
    for (const line of commandHelp(command)) writeLine(io.stdout, line);
    return;
  }
  const base = { io, args, json: args.flag('json'), secrets };
  if (!command.connects) return command.run(base);

  const connection = await connectionFrom(args, io, secrets);
  if (command.write && connection.readOnly) {
    throw new UsageError(
      `read-only mode (--read-only, AMBERKIT_READ_ONLY or the profile) forbids \`amberkit ${command.name}\`; nothing was sent`,
    );
  }
  await command.run({ ...base, connection, client: createClientFor(connection, io.client) });
}

/** Resolves the connection from parsed connection flags, the env and the config file. */
export async function connectionFrom(
  args: ParsedArgs,
  io: CliIO,
  secrets: string[],
): Promise<Connection> {
  const connection = await resolveConnection({
    flags: {
      baseUrl: args.string('base-url'),
      apiKey: args.string('api-key'),
      profile: args.string('profile'),
      readOnly: args.flag('read-only'),
      timeout: args.string('timeout'),
    },
    env: io.env,
    ...(io.configPath === undefined ? {} : { configPath: io.configPath }),
  });
  secrets.push(connection.apiKey);
  return connection;
}
