import { ConfigError } from '../../config/config-error.js';
import type { Env } from '../../config/load-config.js';
import { keysCreate, keysList } from './keys-commands.js';
import { serve } from './serve-command.js';
import { USAGE } from './usage.js';
import { UsageError } from './usage-error.js';

export type CliIo = {
  readonly env: Env;
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly exit: (code: number) => void;
  readonly now?: () => number;
  readonly version: string;
};

/**
 * The `amberkit-proxy` command line. Errors end as one line on stderr: exit 2 for usage
 * (flags, arguments), 1 for configuration (env, keys file, Redis, port).
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<void> {
  const args = argv[0] === '--' ? argv.slice(1) : [...argv];
  const base = { env: io.env, out: io.out, now: io.now ?? Date.now };
  try {
    if (args.includes('--help') || args.includes('-h')) return io.out(`${USAGE}\n`);
    if (args.includes('--version') || args.includes('-v')) return io.out(`${io.version}\n`);
    const [command, sub] = args;
    if (command === 'keys') {
      if (sub === 'create') return await keysCreate(args.slice(2), base);
      if (sub === 'list') return await keysList(args.slice(2), base);
      throw new UsageError(`unknown keys command "${sub ?? ''}" (use keys create or keys list)`);
    }
    if (command === 'serve') return await serve(args.slice(1), { ...base, exit: io.exit });
    if (command === undefined || command.startsWith('-'))
      return await serve(args, { ...base, exit: io.exit });
    throw new UsageError(
      `unknown command "${command}" (use serve, keys create, keys list or --help)`,
    );
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`amberkit-proxy: ${error.message}\n`);
      return io.exit(2);
    }
    if (error instanceof ConfigError) {
      io.err(`amberkit-proxy: ${error.message}\n`);
      return io.exit(error.source === 'flag' ? 2 : 1);
    }
    throw error;
  }
}
