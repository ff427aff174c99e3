import { createEmulator, loadDataset, seedCustomers } from '@amberkit/testing';
import { load } from '../lib/autocannon.js';
import { median } from '../lib/measure.js';
import { serveApp } from '../lib/serve.js';
import type { BenchContext, BenchRow } from '../types.js';

const section = 'emulator';
const KEY = 'bench-key';
const CONNECTIONS = 50;
const MIN_RATIO = 0.5;
const headers = { 'x-api-key': KEY };

const gc = () => (globalThis as { gc?: () => void }).gc?.();
const MB = (bytes: number) => bytes / 1024 / 1024;

/** Heap held by an emulator with `n` customers: heapUsed after gc, minus before. */
async function heapFor(n: number) {
  gc();
  const before = process.memoryUsage().heapUsed;
  const emulator = createEmulator({ accounts: [KEY], dataset: 'empty' });
  emulator.load(KEY, { customers: seedCustomers(n, { seed: 1 }) });
  gc();
  const loaded = process.memoryUsage().heapUsed - before;
  // The first list caches every customer's JSON (what a warm emulator holds).
  await (await emulator.fetch('/customers', { headers })).arrayBuffer();
  gc();
  const warm = process.memoryUsage().heapUsed - before;
  // A use after the last gc(), so the emulator cannot be collected before it is measured.
  emulator.snapshot();
  return { loaded, warm };
}

/**
 * The emulator over TCP against a bare @hono/node-server app answering a fixed customer JSON,
 * both driven by autocannon on loopback in this run; then heap for 10k and 100k customers.
 */
export async function run(ctx: BenchContext): Promise<BenchRow[]> {
  const durationSec = ctx.quick ? 2 : 5;
  const warmupSec = 1;
  const [acme] = loadDataset('demo').customers;
  const fixed = JSON.stringify(acme);
  const bare = await serveApp(
    () => new Response(fixed, { headers: { 'content-type': 'application/json' } }),
  );
  const emulator = createEmulator({ accounts: [KEY], dataset: 'empty' });
  const customers = seedCustomers(1_000, { seed: 1 });
  emulator.load(KEY, { customers });
  const server = await emulator.listen();
  const one = customers[500]?.customerId ?? '';
  const getUrl = `${server.url}/customers/${encodeURIComponent(one)}`;
  const listUrl = `${server.url}/customers`;
  try {
    const drive = async (name: string, url: string, warm = true) => {
      if (warm) await load(url, { connections: CONNECTIONS, durationSec: warmupSec, headers });
      const result = await load(url, { connections: CONNECTIONS, durationSec, headers });
      ctx.log(
        `${name}: ${result.rps.toFixed(0)} req/s, p99 ${result.p99} ms, errors ${result.errors}, non-2xx ${result.non2xx}`,
      );
      if (result.errors > 0 || result.non2xx > 0)
        throw new Error(`${name}: ${result.errors} errors, ${result.non2xx} non-2xx`);
      return result.rps;
    };
    // Alternate short runs of both sides and take medians, so drift on a shared machine (other
    // processes, CPU frequency) hits both alike instead of skewing the ratio.
    const rounds = ctx.quick ? 3 : 5;
    const bareRps: number[] = [];
    const getRps: number[] = [];
    for (let round = 1; round <= rounds; round++) {
      const warm = round === 1;
      bareRps.push(await drive(`round ${round}: bare`, `${bare.url}/customers/${one}`, warm));
      getRps.push(await drive(`round ${round}: emulator GET /customers/{id}`, getUrl, warm));
    }
    const list = await drive('emulator GET /customers (1,000)', listUrl);
    const get = median(getRps);
    const baseline = {
      name: 'bare @hono/node-server, fixed customer JSON',
      value: median(bareRps),
    };
    const ratio = get / baseline.value;

    ctx.log('heap: 10,000 and 100,000 customers');
    const heap10k = await heapFor(10_000);
    const heap100k = await heapFor(100_000);
    return [
      {
        section,
        name: 'bare @hono/node-server: fixed customer JSON',
        value: baseline.value,
        unit: `req/s (${CONNECTIONS} conns)`,
      },
      {
        section,
        name: 'GET /customers/{id}',
        value: get,
        unit: `req/s (${CONNECTIONS} conns)`,
        baseline,
        ratio,
        target: `≥ ${MIN_RATIO}x`,
        ok: ratio >= MIN_RATIO,
      },
      {
        section,
        name: 'GET /customers (1,000 customers)',
        value: list,
        unit: `req/s (${CONNECTIONS} conns)`,
      },
      { section, name: 'heap: 10,000 customers loaded', value: MB(heap10k.loaded), unit: 'MB' },
      { section, name: 'heap: 10,000 customers, JSON cached', value: MB(heap10k.warm), unit: 'MB' },
      { section, name: 'heap: 100,000 customers loaded', value: MB(heap100k.loaded), unit: 'MB' },
      {
        section,
        name: 'heap: 100,000 customers, JSON cached',
        value: MB(heap100k.warm),
        unit: 'MB',
      },
    ];
  } finally {
    await server.close();
    await bare.close();
  }
}
