import { defineConfig } from 'tsdown';

export default defineConfig([
  {
    // Workers-safe entries: Web APIs only, no `node:` imports.
    entry: { index: 'src/index.ts', worker: 'src/worker.ts' },
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    dts: true,
    fixedExtension: false,
    clean: false,
    sourcemap: true,
  },
  {
    // Node-only: Redis store, keys file, server and the CLI.
    entry: { node: 'src/node.ts', cli: 'src/cli.ts' },
    format: 'esm',
    platform: 'node',
    target: 'node20',
    dts: true,
    fixedExtension: false,
    clean: false,
    sourcemap: true,
  },
]);
