import { parseArgs } from 'node:util';
import { DATASET_NAMES, type DatasetName } from '../fixtures/datasets.js';
import { MAX_SEED } from '../fixtures/random.js';

export type CliOptions =
  | { kind: 'help' }
  | { kind: 'version' }
  | {
      kind: 'serve';
      port: number;
      host: string;
      dataset: DatasetName;
      seed: number;
      apiKeys: string[];
      dataFile: string | undefined;
      defaultKey: boolean;
    };

/** A bad flag or value: the CLI prints the message as one line and exits 2. */
export class UsageError extends Error {
  override name = 'UsageError' as const;
}

export const USAGE = `Usage: amberkit-emulator [options]

A local, stateful Amberflo Billing API emulator.

Options:
  --port <n>          port to listen on (default 4010; 0 picks a free one)
  --host <host>       interface to bind (default 127.0.0.1)
  --dataset <name>    starting data of the first account: demo or empty (default demo)
  --seed <n>          seed for generated data and ids, 0 to 4294967295 (default 1)
  --api-key <key>     an account's API key; repeat for more accounts (default emulator-key)
  --data-file <file>  keep data in this JSON file across restarts
  -h, --help          show this help
  -v, --version       show the version`;

/** Printable ASCII with nothing to trim (core's client holds its apiKey to the same). */
const API_KEY = /^[!-~](?:[ -~]*[!-~])?$/;

function integer(name: string, value: string, min: number, max: number): number {
  if (!/^-?\d+$/.test(value))
    throw new UsageError(`--${name} must be an integer, got ${JSON.stringify(value)}`);
  const n = Number(value);
  if (n < min || n > max)
    throw new UsageError(`--${name} must be between ${min} and ${max}, got ${value}`);
  return n;
}

/** Parses argv (without node and script); a leading `--` from pnpm is ignored. */
export function parseCliArgs(argv: readonly string[]): CliOptions {
  const args = argv[0] === '--' ? argv.slice(1) : [...argv];
  let values: ReturnType<typeof parse>['values'];
  try {
    values = parse(args).values;
  } catch (error) {
    const message = (error as Error).message;
    // `--seed -1`: parseArgs takes a value starting with "-" for an option.
    const option = /'(--[\w-]+)'/.exec(message)?.[1];
    if (option && /ambiguous/.test(message))
      throw new UsageError(`${option}: a value starting with "-" is written ${option}=<value>`);
    // node's messages run to several sentences and lines; the first names the problem.
    const first = message.split(/\. |\n/)[0]?.replace(/\.$/, '');
    throw new UsageError(`${first} (see --help)`);
  }
  if (values.help) return { kind: 'help' };
  if (values.version) return { kind: 'version' };
  const dataset = values.dataset ?? 'demo';
  if (!(DATASET_NAMES as readonly string[]).includes(dataset)) {
    throw new UsageError(
      `--dataset must be one of ${DATASET_NAMES.join(', ')}, got ${JSON.stringify(dataset)}`,
    );
  }
  const apiKeys = values['api-key'] ?? [];
  if (apiKeys.some((key) => key.trim() === '')) throw new UsageError('--api-key must not be empty');
  // As core's client checks a key: HTTP clients trim header values and refuse control
  // characters, so such an account could never be reached. The key itself is never printed.
  if (apiKeys.some((key) => !API_KEY.test(key)))
    throw new UsageError('--api-key must be printable ASCII with no spaces at either end');
  if (new Set(apiKeys).size !== apiKeys.length)
    throw new UsageError('--api-key values must be distinct');
  if (values['data-file'] === '') throw new UsageError('--data-file must not be empty');
  if (values.host === '') throw new UsageError('--host must not be empty');
  return {
    kind: 'serve',
    port: integer('port', values.port ?? '4010', 0, 65535),
    host: values.host ?? '127.0.0.1',
    dataset: dataset as DatasetName,
    seed: integer('seed', values.seed ?? '1', 0, MAX_SEED),
    apiKeys: apiKeys.length > 0 ? apiKeys : ['emulator-key'],
    dataFile: values['data-file'],
    defaultKey: apiKeys.length === 0,
  };
}

function parse(args: string[]) {
  return parseArgs({
    args,
    strict: true,
    allowPositionals: false,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      dataset: { type: 'string' },
      seed: { type: 'string' },
      'api-key': { type: 'string', multiple: true },
      'data-file': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
  });
}
