import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

export type BundleSize = {
  /** Minified bytes. */
  minified: number;
  /** Minified, then gzip (zlib's default level, as `wrangler deploy` reports). */
  gzip: number;
  /** Minified bytes by origin: zod, ky, and core's own code. */
  bytesFrom: { zod: number; ky: number; core: number };
};

const benchDir = fileURLToPath(new URL('../..', import.meta.url));

const origin = (path: string) =>
  /node_modules\/zod\//.test(path)
    ? 'zod'
    : /node_modules\/ky\//.test(path)
      ? 'ky'
      : /packages\/core\//.test(path)
        ? 'core'
        : undefined;

/**
 * Bundles `entry` the way a Cloudflare Worker build would (esbuild, ESM, neutral platform,
 * worker conditions, minified), resolving `@amberkit/core` from its built dist like any
 * consumer. Only the bench's own entry text is bundled; nothing is written to disk.
 */
export async function bundleSize(entry: string): Promise<BundleSize> {
  const result = await build({
    stdin: { contents: entry, resolveDir: benchDir, sourcefile: 'worker-entry.js', loader: 'js' },
    bundle: true,
    write: false,
    metafile: true,
    platform: 'neutral',
    format: 'esm',
    target: 'es2022',
    minify: true,
    conditions: ['workerd', 'worker', 'browser'],
    mainFields: ['module', 'main'],
    logLevel: 'silent',
  }).catch((error: unknown) => {
    if (String(error).includes('Could not resolve "@amberkit/core')) {
      throw new Error('@amberkit/core has no dist/ to bundle: `pnpm bench` builds it first');
    }
    throw error;
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error('esbuild produced no output');
  const bytesFrom = { zod: 0, ky: 0, core: 0 };
  for (const meta of Object.values(result.metafile.outputs)) {
    for (const [path, input] of Object.entries(meta.inputs)) {
      const from = origin(path);
      if (from) bytesFrom[from] += input.bytesInOutput;
    }
  }
  return {
    minified: output.contents.byteLength,
    gzip: gzipSync(output.contents).byteLength,
    bytesFrom,
  };
}

/** Everything a Worker could take from core's edge-facing subpaths (an upper bound). */
export const EDGE_ENTRY = [
  "export * from '@amberkit/core/client';",
  "export * from '@amberkit/core/schemas';",
  "export * from '@amberkit/core/time';",
  "export * from '@amberkit/core/money';",
].join('\n');

/** The figure: the client and the schemas, nothing else. */
export const CLIENT_SCHEMAS_ENTRY = [
  "export * from '@amberkit/core/client';",
  "export * from '@amberkit/core/schemas';",
].join('\n');

export const SCHEMAS_ENTRY = "export * from '@amberkit/core/schemas';";

/** A typical Worker import through the root entry: tree-shaking must drop the rest (openapi…). */
export const ROOT_CLIENT_ENTRY =
  "export { createAmberfloClient, Customer, isAmberfloError } from '@amberkit/core';";
