import {
  type BundleSize,
  bundleSize,
  CLIENT_SCHEMAS_ENTRY,
  EDGE_ENTRY,
  ROOT_CLIENT_ENTRY,
  SCHEMAS_ENTRY,
} from '../core/bundle-size.js';
import { timeListCustomers } from '../core/list-customers.js';
import { ratioRow } from '../lib/measure.js';
import type { BenchContext, BenchRow } from '../types.js';

const section = 'core';
const CUSTOMERS = 10_000;
const MAX_GZIP = 35_000;
const kB = (bytes: number) => bytes / 1000;

const sizeRow = (name: string, size: BundleSize, target: boolean): BenchRow => ({
  section,
  name,
  value: kB(size.gzip),
  unit: 'kB gzip',
  ...(target ? { target: `< ${kB(MAX_GZIP)} kB`, ok: size.gzip < MAX_GZIP } : {}),
});

/** @amberkit/core: the edge bundle size, and the cost of strict response validation. */
export async function run(ctx: BenchContext): Promise<BenchRow[]> {
  ctx.log('bundling core for an edge runtime (esbuild, neutral, workerd conditions, minify, gzip)');
  const edge = await bundleSize(EDGE_ENTRY);
  const clientSchemas = await bundleSize(CLIENT_SCHEMAS_ENTRY);
  const schemas = await bundleSize(SCHEMAS_ENTRY);
  const root = await bundleSize(ROOT_CLIENT_ENTRY);
  const share = (from: keyof BundleSize['bytesFrom']) =>
    (100 * edge.bytesFrom[from]) / edge.minified;

  const rounds = ctx.quick ? { warmup: 3, iterations: 10 } : { warmup: 15, iterations: 80 };
  ctx.log(
    `listing ${CUSTOMERS} customers: ${rounds.warmup} warm-up + ${rounds.iterations} rounds each`,
  );
  const list = await timeListCustomers(CUSTOMERS, rounds);
  ctx.log(`response body ${(list.bodyBytes / 1e6).toFixed(2)} MB`);

  const rawName = 'fetch + JSON.parse';
  return [
    sizeRow('edge bundle: client + schemas + time + money', edge, true),
    sizeRow('edge bundle: client + schemas', clientSchemas, true),
    sizeRow('schemas only', schemas, false),
    sizeRow('root import { createAmberfloClient, Customer }', root, false),
    { section, name: 'edge bundle minified (before gzip)', value: kB(edge.minified), unit: 'kB' },
    {
      section,
      name: 'zod / ky / core share of minified edge bundle',
      value: share('zod'),
      unit: `% (ky ${share('ky').toFixed(0)}%, core ${share('core').toFixed(0)}%)`,
    },
    {
      section,
      name: `list ${CUSTOMERS} customers: ${rawName}`,
      value: list.raw,
      unit: 'ms median',
    },
    {
      section,
      name: `list ${CUSTOMERS} customers: client, validateResponses strict`,
      value: list.client,
      unit: 'ms median',
      baseline: { name: rawName, value: list.raw },
      ...ratioRow(list.client, list.raw, 2),
    },
    {
      section,
      name: `parse ${CUSTOMERS} customers: JSON.parse + Customer[], zod runtime (no HTTP)`,
      value: list.parseAndValidate,
      unit: 'ms median',
      baseline: { name: 'JSON.parse', value: list.parseOnly },
      ratio: list.parseAndValidate / list.parseOnly,
    },
    {
      section,
      name: `parse ${CUSTOMERS} customers: JSON.parse + Customer[], compiled as the client does`,
      value: list.parseAndValidateCompiled,
      unit: 'ms median',
      baseline: { name: 'JSON.parse', value: list.parseOnly },
      ratio: list.parseAndValidateCompiled / list.parseOnly,
    },
  ];
}
