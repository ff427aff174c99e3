import packageJson from '../../package.json' with { type: 'json' };
import { createEmulator } from '../emulator/create-emulator.js';
import { DataFileError, PortInUseError } from '../emulator/errors.js';
import { parseCliArgs, USAGE, UsageError } from './parse-cli-args.js';

type Io = {
  out: (line: string) => void;
  err: (line: string) => void;
  /** Registers the shutdown on SIGINT/SIGTERM. */
  onSignal: (handler: () => void) => void;
};

// Inlined at build time, so the CLI works from any output folder (tests build into a temp one).
const version = (): string => packageJson.version;

/**
 * Runs the CLI; resolves to the exit code for errors before serving (2 usage, 1 startup),
 * or stays serving until a signal closes the server (then 0).
 */
export async function runCli(argv: readonly string[], io: Io): Promise<number> {
  let options: ReturnType<typeof parseCliArgs>;
  try {
    options = parseCliArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`amberkit-emulator: ${error.message}`);
    return 2;
  }
  if (options.kind === 'help') {
    io.out(USAGE);
    return 0;
  }
  if (options.kind === 'version') {
    io.out(version());
    return 0;
  }
  const emulator = createEmulator({
    accounts: options.apiKeys,
    dataset: options.dataset,
    seed: options.seed,
    ...(options.dataFile ? { dataFile: options.dataFile } : {}),
  });
  let server: Awaited<ReturnType<typeof emulator.listen>>;
  try {
    server = await emulator.listen({ port: options.port, host: options.host });
  } catch (error) {
    if (error instanceof PortInUseError || error instanceof DataFileError) {
      io.err(`amberkit-emulator: ${error.message}`);
      return 1;
    }
    io.err(`amberkit-emulator: cannot start: ${(error as Error).message}`);
    return 1;
  }
  io.out(server.url);
  if (['0.0.0.0', '::', '[::]'].includes(options.host)) {
    io.err(
      `amberkit-emulator: listening on every interface (${options.host}): the admin API (/_emulator/…) takes no key, so anyone who can reach port ${server.port} can read, change or reset the data`,
    );
  }
  const keyNote = options.defaultKey ? ' (X-API-KEY: emulator-key)' : '';
  io.out(`accounts: ${options.apiKeys.length}, first with dataset ${options.dataset}${keyNote}`);
  io.out(`admin: ${server.url}/_emulator/health`);
  if (options.dataFile) io.out(`data file: ${options.dataFile}`);
  return new Promise<number>((resolve) => {
    io.onSignal(() => {
      server.close().then(
        () => resolve(0),
        (error: Error) => {
          io.err(`amberkit-emulator: error while closing: ${error.message}`);
          resolve(1);
        },
      );
    });
  });
}
