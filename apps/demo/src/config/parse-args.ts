import { parseArgs } from 'node:util';
import { UsageError } from './usage-error.js';

export const USAGE = `Usage: pnpm start [options]      (or: amberkit-demo [options])

Starts the whole amberkit system on 127.0.0.1: the Amberflo emulator with the demo data, the
proxy in front of it with a fresh demo caller key, and the amberkit TUI through the proxy.
Without a terminal (CI, a pipe) or with --no-tui it starts emulator and proxy, prints their
URLs and the key, and runs until a signal. q in the TUI or Ctrl-C stops everything.

Options:
  --emulator-port <n>  emulator port (env AMBERKIT_EMULATOR_PORT; default: a free port)
  --proxy-port <n>     proxy port (env AMBERKIT_PROXY_PORT or PORT; default: a free port)
  --upstream <url>     no emulator: the proxy forwards to this API (needs AMBERFLO_API_KEY)
  --no-tui             do not open the TUI, even on a terminal
  -h, --help           show this help
  -v, --version        show the version`;

/** The command line as given; env fallbacks are applied later. */
export type DemoFlags =
  | { kind: 'help' }
  | { kind: 'version' }
  | {
      kind: 'run';
      emulatorPort: string | undefined;
      proxyPort: string | undefined;
      upstream: string | undefined;
      noTui: boolean;
    };

/** Parses argv (without node and script); a leading `--` from pnpm is ignored. */
export function parseDemoArgs(argv: readonly string[]): DemoFlags {
  const args = argv[0] === '--' ? argv.slice(1) : [...argv];
  let values: ReturnType<typeof parse>['values'];
  try {
    values = parse(args).values;
  } catch (error) {
    const message = (error as Error).message;
    // `--proxy-port -1`: parseArgs takes a value starting with "-" for an option.
    const option = /'(--[\w-]+)'/.exec(message)?.[1];
    if (option && /ambiguous/.test(message))
      throw new UsageError(`${option}: a value starting with "-" is written ${option}=<value>`);
    // node's messages run to several sentences and lines; the first names the problem.
    const first = message.split(/\. |\n/)[0]?.replace(/\.$/, '');
    throw new UsageError(`${first} (see --help)`);
  }
  if (values.help) return { kind: 'help' };
  if (values.version) return { kind: 'version' };
  return {
    kind: 'run',
    emulatorPort: values['emulator-port'],
    proxyPort: values['proxy-port'],
    upstream: values.upstream,
    noTui: values['no-tui'] ?? false,
  };
}

function parse(args: string[]) {
  return parseArgs({
    args,
    strict: true,
    allowPositionals: false,
    options: {
      'emulator-port': { type: 'string' },
      'proxy-port': { type: 'string' },
      upstream: { type: 'string' },
      'no-tui': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
  });
}
