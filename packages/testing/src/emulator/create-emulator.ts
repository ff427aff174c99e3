import { type DatasetName, loadDataset } from '../fixtures/datasets.js';
import { checkSeed, createRandom, deriveSeed } from '../fixtures/random.js';
import { Account, type AccountData } from './account.js';
import { copyData } from './copy-data.js';
import { createEmulatorApp } from './create-app.js';
import { parseFaultRules } from './fault-rules.js';
import { RequestLog } from './request-log.js';
import type { EmulatorApp, EmulatorState } from './state.js';
import type { EmulatorOptions, FaultRule, RequestLogEntry } from './types.js';
import { Waiters } from './waiters.js';

/** A running emulator server. `await using server = await emulator.listen()` closes it. */
export type EmulatorServer = {
  url: string;
  port: number;
  close(): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
};

export type Emulator = {
  /** The Hono app; `emulator.app.request('/customers', { headers })` works. */
  readonly app: EmulatorApp;
  /** In-process fetch: a `Request`, or a URL/path plus init. */
  fetch(input: Request | string | URL, init?: RequestInit): Promise<Response>;
  /** Serves over HTTP on Node (default 127.0.0.1 and a free port). */
  listen(options?: { port?: number; host?: string }): Promise<EmulatorServer>;
  /** Resolves once a data file (if any) is loaded; rejects naming the file when it is corrupt. */
  readonly ready: Promise<void>;
  /** Adds a copy of customers, invoices … to the account of `apiKey` (tests, benchmarks). */
  load(apiKey: string, data: Partial<AccountData>): void;
  /**
   * Back to the starting data (the dataset and seed given to `createEmulator`, or those given
   * here); clears faults and the request log. Seeds are integers 0..2^32-1.
   */
  reset(options?: { dataset?: DatasetName; seed?: number }): void;
  setFaults(rules: FaultRule[]): void;
  requests(): RequestLogEntry[];
  clearRequests(): void;
  /** A copy of one account's data (default: the first account). */
  snapshot(apiKey?: string): AccountData;
  /** Releases hung requests and writes the data file. */
  close(): Promise<void>;
};

const DEFAULT_KEY = 'emulator-key';

/**
 * Creates a stateful Amberflo emulator.
 * @example
 * const emulator = createEmulator({ accounts: ['test-key'], dataset: 'demo', seed: 1 });
 * const res = await emulator.fetch('/customers/customer-123456', { headers: { 'X-API-KEY': 'test-key' } });
 */
export function createEmulator(options: EmulatorOptions = {}): Emulator {
  const specs = (options.accounts ?? [DEFAULT_KEY]).map((spec) =>
    typeof spec === 'string' ? { apiKey: spec } : spec,
  );
  if (specs.length === 0) throw new TypeError('createEmulator needs at least one account');
  const apiKeys = specs.map((spec) => spec.apiKey);
  if (new Set(apiKeys).size !== apiKeys.length || apiKeys.some((key) => key === '')) {
    throw new TypeError('Account API keys must be non-empty and distinct');
  }
  const accountList = specs.map((_, i) => new Account(`account-${i + 1}`));
  const start = { dataset: options.dataset ?? 'demo', seed: checkSeed(options.seed ?? 1) };
  let dataset: DatasetName = start.dataset;
  let seed = start.seed;
  let ids = createRandom(deriveSeed(seed, 0x1d));
  let faultRandom = createRandom(deriveSeed(seed, 0xfa));
  let persistence: { schedule(): void; flush(): Promise<void> } | undefined;

  const seedAccounts = () => {
    accountList.forEach((account, i) => {
      const name = specs[i]?.dataset ?? (i === 0 ? dataset : 'empty');
      account.replace(loadDataset(name, { seed }));
    });
  };

  const state: EmulatorState = {
    accounts: new Map(apiKeys.map((key, i) => [key, accountList[i] as Account])),
    accountList,
    clock: options.clock ?? Date.now,
    nextId: options.idGenerator ?? ((prefix) => `${prefix}-${ids.hex(12)}`),
    log: new RequestLog(options.requestLogSize),
    faults: parseFaultRules(options.faults ?? []),
    faultRandom: () => faultRandom.next(),
    waiters: new Waiters(),
    ready: undefined,
    changed: () => persistence?.schedule(),
    reset: (next) => {
      // Omitted options mean the starting ones, not the last reset's: a bare reset undoes all.
      seed = checkSeed(next.seed ?? start.seed);
      dataset = next.dataset ?? start.dataset;
      ids = createRandom(deriveSeed(seed, 0x1d));
      faultRandom = createRandom(deriveSeed(seed, 0xfa));
      seedAccounts();
      state.faults = [];
      state.log.clear();
      state.changed();
    },
  };
  seedAccounts();

  const snapshotAll = () => accountList.map((account) => account.snapshot());
  let ready: Promise<void> = Promise.resolve();
  if (options.dataFile) {
    const file = options.dataFile;
    // Node-only code is imported on demand, so the in-process emulator runs on edge runtimes.
    ready = import('./data-file.js').then(async ({ openDataFile }) => {
      const opened = await openDataFile(file, apiKeys, snapshotAll);
      opened.initial.forEach((data, i) => {
        if (data) accountList[i]?.replace(data);
      });
      persistence = opened;
      state.ready = undefined;
    });
    state.ready = ready;
    ready.catch(() => undefined);
  }

  const app = createEmulatorApp(state);
  const accountOf = (apiKey: string | undefined) => {
    const account = apiKey === undefined ? accountList[0] : state.accounts.get(apiKey);
    if (!account) throw new TypeError('No account has that API key');
    return account;
  };

  const emulator: Emulator = {
    app,
    ready,
    fetch: async (input, init) => {
      // Duck-typed: @hono/node-server swaps the global Request, so `instanceof` can miss a real one.
      if (typeof input === 'object' && 'url' in input) {
        return app.fetch(init === undefined ? input : new Request(input, init));
      }
      return app.fetch(new Request(new URL(String(input), 'http://emulator.local'), init));
    },
    listen: async (listenOptions = {}) => {
      await ready;
      const { listenNode } = await import('./listen-node.js');
      return listenNode(app, listenOptions, () => emulator.close());
    },
    load: (apiKey, data) => {
      accountOf(apiKey).load(copyData(data));
      state.changed();
    },
    reset: (next = {}) => state.reset(next),
    setFaults: (rules) => {
      state.faults = parseFaultRules(rules);
    },
    requests: () => state.log.list(),
    clearRequests: () => {
      state.log.clear();
    },
    // Copies both ways, so a test's later edits never reach stored data (or its cached JSON).
    snapshot: (apiKey) => copyData(accountOf(apiKey).snapshot()),
    close: async () => {
      state.waiters.releaseAll();
      await persistence?.flush();
    },
  };
  return emulator;
}
