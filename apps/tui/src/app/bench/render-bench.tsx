import { pathToFileURL } from 'node:url';
import { createAmberfloClient } from '@amberkit/core/client';
import { createEmulator, seedCustomers } from '@amberkit/testing';
import { render } from 'ink';
import { App } from '../app.js';
import { FakeStdin, fakeStdout } from '../test-support/fake-terminal.js';

export type RenderBenchResult = {
  customers: number;
  /** The customers list answer resolved → the first frame showing the rows. */
  dataToFirstFrameMs: number;
  /** render() called → the first frame showing the rows (request included). */
  startToFirstFrameMs: number;
  moveMedianMs: number;
  moveP95Ms: number;
  moves: number;
  maxRssMB: number;
};

const KEY = 'bench-key';
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;
};

/**
 * Renders the real App on a fake 100x30 terminal against the emulator in-process with
 * `customers` customers, and times the first frame and cursor moves (key in → frame out).
 */
export async function measureRender(customers: number, moves: number): Promise<RenderBenchResult> {
  const emulator = createEmulator({ accounts: [KEY], dataset: 'empty' });
  emulator.load(KEY, { customers: seedCustomers(customers, { seed: 1, idPrefix: 'bench' }) });
  const fetcher: typeof fetch = async (input, init) => emulator.fetch(new Request(input, init));
  const client = createAmberfloClient({
    apiKey: KEY,
    baseUrl: 'http://emulator.bench',
    fetch: fetcher,
    retry: false,
  });
  let loadedAt = 0;
  const list = client.customers.list;
  const timed = {
    ...client,
    customers: {
      ...client.customers,
      list: async (o?: { signal?: AbortSignal }) =>
        list(o).finally(() => {
          loadedAt = performance.now();
        }),
    },
  };
  let waiter: { test: (chunk: string) => boolean; resolve: (at: number) => void } | undefined;
  const stdout = fakeStdout(100, 30, (chunk) => {
    if (process.env.BENCH_TRACE) process.stderr.write(chunk);
    if (waiter?.test(chunk)) {
      const { resolve } = waiter;
      waiter = undefined;
      resolve(performance.now());
    }
  });
  // Rejects rather than hangs: a pending promise alone would let Node exit silently.
  const frameWith = (text: string) =>
    new Promise<number>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no frame showed "${text}" within 30 s`)),
        30_000,
      );
      waiter = {
        test: (chunk) => chunk.includes(text),
        resolve: (at) => {
          clearTimeout(timer);
          resolve(at);
        },
      };
    });
  const stdin = new FakeStdin();
  const total = customers.toLocaleString('en-US');
  const firstFrame = frameWith(`${total} of ${total}`);
  const started = performance.now();
  const instance = render(
    <App
      client={timed}
      connection={{
        baseUrl: 'http://emulator.bench',
        apiKey: KEY,
        profile: 'bench',
        readOnly: false,
      }}
      fetch={fetcher}
    />,
    {
      stdout,
      stdin: stdin as unknown as NodeJS.ReadStream,
      debug: process.env.BENCH_DEBUG === '1',
      exitOnCtrlC: false,
      patchConsole: false,
      maxFps: 1000,
    },
  );
  const shownAt = await firstFrame;
  const samples: number[] = [];
  let cursor = 1;
  for (let i = 0; i < moves; i++) {
    // Down the list; from the last row, `g` jumps back to the top (also one cursor move).
    const key = cursor === customers ? 'g' : 'j';
    cursor = cursor === customers ? 1 : cursor + 1;
    const frame = frameWith(`> bench-${String(cursor).padStart(5, '0')}`);
    const pressed = performance.now();
    stdin.press(key);
    samples.push((await frame) - pressed);
  }
  instance.unmount();
  return {
    customers,
    dataToFirstFrameMs: shownAt - loadedAt,
    startToFirstFrameMs: shownAt - started,
    moveMedianMs: percentile(samples, 0.5),
    moveP95Ms: percentile(samples, 0.95),
    moves,
    maxRssMB: process.resourceUsage().maxRSS / 1024,
  };
}

// Run as a script (by the bench, in a child process so peak RSS is this UI's own).
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [customers = '10000', moves = '200'] = process.argv.slice(2);
  measureRender(Number(customers), Number(moves)).then(
    (result) => {
      // Exit only once the pipe has taken the line (process.exit drops pending pipe writes).
      process.stdout.write(`${JSON.stringify(result)}\n`, () => process.exit(0));
    },
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
