import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { BenchContext, BenchRow } from '../types.js';

/*
 * The terminal UI with a large account: the real App (Ink 6, React 19) rendered into a fake
 * 100x30 TTY against the emulator in-process. Each measurement runs in its own Node process
 * (peak RSS is then the UI's own, not the bench's), once with 10,000 customers and once with
 * 100 as the baseline: with windowing, a cursor move must not cost more on the big list.
 * Targets: data loaded → first frame < 200 ms; one cursor move (key in → frame out) < 16 ms.
 */

const section = 'tui';
const benchDir = fileURLToPath(new URL('../..', import.meta.url));
const script = fileURLToPath(
  new URL('../../../apps/tui/src/app/bench/render-bench.tsx', import.meta.url),
);
const tsconfig = fileURLToPath(
  new URL('../../../apps/tui/src/app/bench/tsconfig.bench.json', import.meta.url),
);

type Result = {
  customers: number;
  dataToFirstFrameMs: number;
  startToFirstFrameMs: number;
  moveMedianMs: number;
  moveP95Ms: number;
  moves: number;
  maxRssMB: number;
};

function measure(customers: number, moves: number): Promise<Result> {
  const env: NodeJS.ProcessEnv = { ...process.env, TSX_TSCONFIG_PATH: tsconfig, FORCE_COLOR: '1' };
  // In CI mode Ink draws only the last frame; the UI runs in a terminal, not in CI.
  delete env.CI;
  delete env.CONTINUOUS_INTEGRATION;
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', script, String(customers), String(moves)],
      {
        cwd: benchDir,
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const line = /\{"customers".*\}/.exec(out)?.[0];
      if (code !== 0 || line === undefined)
        reject(new Error(`render bench exited ${code}: ${err.trim()}`));
      else resolve(JSON.parse(line) as Result);
    });
  });
}

export async function run(ctx: BenchContext): Promise<BenchRow[]> {
  const moves = ctx.quick ? 100 : 400;
  ctx.log(`100 customers, ${moves} cursor moves (baseline)`);
  const small = await measure(100, moves);
  ctx.log(`10,000 customers, ${moves} cursor moves`);
  const big = await measure(10_000, moves);
  ctx.log(
    `10k: first frame ${big.dataToFirstFrameMs.toFixed(1)} ms after data, move p50 ${big.moveMedianMs.toFixed(2)} ms p95 ${big.moveP95Ms.toFixed(2)} ms`,
  );
  const baseline = (name: string, value: number) => ({
    name: `same, 100 customers: ${name}`,
    value,
  });
  return [
    {
      section,
      name: 'data loaded → first frame (10,000 customers)',
      value: big.dataToFirstFrameMs,
      unit: 'ms',
      baseline: baseline('first frame', small.dataToFirstFrameMs),
      ratio: big.dataToFirstFrameMs / small.dataToFirstFrameMs,
      target: '< 200 ms',
      ok: big.dataToFirstFrameMs < 200,
    },
    {
      section,
      name: 'start → first frame incl. request (10,000 customers)',
      value: big.startToFirstFrameMs,
      unit: 'ms',
    },
    {
      section,
      name: `cursor move, median of ${moves} (10,000 customers)`,
      value: big.moveMedianMs,
      unit: 'ms',
      baseline: baseline('cursor move', small.moveMedianMs),
      ratio: big.moveMedianMs / small.moveMedianMs,
      target: '< 16 ms',
      ok: big.moveMedianMs < 16,
    },
    { section, name: `cursor move, p95 (10,000 customers)`, value: big.moveP95Ms, unit: 'ms' },
    {
      section,
      name: 'peak RSS (10,000 customers, emulator in-process)',
      value: big.maxRssMB,
      unit: 'MB',
      baseline: baseline('peak RSS', small.maxRssMB),
      ratio: big.maxRssMB / small.maxRssMB,
    },
  ];
}
