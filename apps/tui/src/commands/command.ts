import type { AmberfloClient, Connection } from '../config/index.js';
import type { OptionSpec, ParsedArgs } from './args.js';
import type { CliIO } from './io.js';

/** What every command receives. `secrets` collects keys to redact from any error line. */
export type CommandContext = {
  io: CliIO;
  args: ParsedArgs;
  /** `--json`: print exactly one JSON document on stdout. */
  json: boolean;
  secrets: string[];
};

/** What a command that talks to the API receives, after read-only mode was enforced. */
export type ConnectedContext = CommandContext & { connection: Connection; client: AmberfloClient };

type CommandBase = {
  /** The command words, such as `customers list`. */
  name: string;
  summary: string;
  /** Arguments after the words, for the usage line: `<id> [options]`. */
  usage: string;
  /** Help lines for the command's own options. */
  optionHelp: readonly string[];
  options: OptionSpec;
  /** Names of the required positional arguments, in order. */
  positionals?: readonly string[];
};

/** A scriptable command: either offline (config only) or connected to the API. */
export type Command =
  | (CommandBase & { connects: false; run(ctx: CommandContext): Promise<void> })
  | (CommandBase & {
      connects: true;
      /** Changes data: refused in read-only mode before anything is sent. */
      write: boolean;
      run(ctx: ConnectedContext): Promise<void>;
    });

/** `--json` as most commands declare it. */
export const JSON_OPTION = { json: { type: 'boolean' } } as const satisfies OptionSpec;
export const JSON_HELP = '  --json                 print one JSON document instead of text';
