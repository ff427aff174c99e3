import { stripVTControlCharacters } from 'node:util';
import { type AmberfloClient, createAmberfloClient } from '@amberkit/core/client';
import { createEmulator, type Emulator } from '@amberkit/testing';
import { render } from 'ink-testing-library';
import type { Connection } from '../../config/index.js';
import { App } from '../app.js';
import type { View } from '../hooks/use-view-stack.js';
import { effectsSettled } from './wait-until.js';

export const KEYS = {
  enter: '\r',
  esc: '\u001b',
  up: '\u001b[A',
  down: '\u001b[B',
  right: '\u001b[C',
  left: '\u001b[D',
  pageUp: '\u001b[5~',
  pageDown: '\u001b[6~',
  tab: '\t',
  backspace: '\u007f',
  ctrlC: '\u0003',
} as const;

export const API_KEY = 'tui-test-key';
export const BASE_URL = 'http://emulator.test';

export type HarnessOptions = {
  readonly dataset?: 'demo' | 'empty';
  readonly readOnly?: boolean;
  /** The endpoint the header shows (requests still go to the in-process emulator). */
  readonly baseUrl?: string;
  readonly columns?: number;
  readonly rows?: number;
  readonly initialView?: View | readonly View[];
  /** What the header's endpoint check talks to (default: the emulator). */
  readonly probe?: typeof fetch;
  /** Reuse an emulator (already loaded with data). */
  readonly emulator?: Emulator;
};

/** The views a person passes to reach customer `id` from the list, then `above` on top. */
export const atCustomer = (id: string, ...above: View[]): View[] => [
  { kind: 'customers' },
  { kind: 'customer', id },
  ...above,
];

/** Resizes ink-testing-library's fake stdout and tells Ink, as a terminal would. */
export function resize(stdout: NodeJS.EventEmitter, columns: number, rows: number): void {
  Object.defineProperty(stdout, 'columns', { configurable: true, value: columns });
  Object.defineProperty(stdout, 'rows', { configurable: true, value: rows });
  stdout.emit('resize');
}

export type AppHarness = Disposable & {
  readonly emulator: Emulator;
  readonly client: AmberfloClient;
  readonly ui: ReturnType<typeof render>;
  frame(): string;
  /** Sends one key (or a pasted string) to the app. */
  press(key: string): void;
  resize(columns: number, rows: number): void;
  /** Polls frames until `expected` shows (text or test) with a deadline, then lets effects settle. */
  waitFor(
    expected: string | RegExp | ((frame: string) => boolean),
    timeoutMs?: number,
  ): Promise<string>;
};

/** The real client, its fetch going straight to an in-process emulator's Hono app. */
export function inProcessClient(
  emulator: Emulator = createEmulator({ accounts: [API_KEY], dataset: 'demo', seed: 1 }),
): { emulator: Emulator; fetcher: typeof fetch; client: AmberfloClient } {
  const fetcher: typeof fetch = async (input, init) => emulator.fetch(new Request(input, init));
  const client = createAmberfloClient({
    apiKey: API_KEY,
    baseUrl: BASE_URL,
    fetch: fetcher,
    retry: false,
  });
  return { emulator, fetcher, client };
}

/**
 * The real App, the real client and the emulator in-process (no mocks): the client's fetch
 * goes straight to the emulator's Hono app.
 */
export function startApp(options: HarnessOptions = {}): AppHarness {
  const { emulator, fetcher, client } = inProcessClient(
    options.emulator ??
      createEmulator({ accounts: [API_KEY], dataset: options.dataset ?? 'demo', seed: 1 }),
  );
  const connection: Connection = {
    baseUrl: options.baseUrl ?? BASE_URL,
    apiKey: API_KEY,
    profile: 'test',
    readOnly: options.readOnly ?? false,
  };
  const ui = render(
    <App
      client={client}
      connection={connection}
      fetch={options.probe ?? fetcher}
      {...(options.initialView ? { initialView: options.initialView } : {})}
    />,
  );
  resize(ui.stdout, options.columns ?? 100, options.rows ?? 30);

  const frame = () => stripVTControlCharacters(ui.lastFrame() ?? '');
  return {
    emulator,
    client,
    ui,
    frame,
    press(key: string) {
      ui.stdin.write(key);
    },
    resize(columns: number, rows: number) {
      resize(ui.stdout, columns, rows);
    },
    async waitFor(expected, timeoutMs = 3000) {
      const test =
        typeof expected === 'function'
          ? expected
          : typeof expected === 'string'
            ? (f: string) => f.includes(expected)
            : (f: string) => expected.test(f);
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const current = frame();
        if (test(current)) {
          await effectsSettled();
          return frame();
        }
        if (Date.now() > deadline) {
          throw new Error(
            `Timed out after ${timeoutMs} ms waiting for ${String(expected)}. Last frame:\n${current}`,
          );
        }
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    [Symbol.dispose]() {
      ui.unmount();
      ui.cleanup();
    },
  };
}
