import { defineConfig } from 'tsdown';

// One bin entry, run by `pnpm start`. The parts it starts are the other packages' own bins,
// found through their package.json at run time, so nothing of theirs is bundled here.
export default defineConfig({
  entry: { cli: 'src/cli.ts' },
  format: 'esm',
  platform: 'node',
  target: 'node20',
  dts: false,
  fixedExtension: false,
  clean: true,
  sourcemap: true,
});
