import { defineConfig } from 'tsdown';

// One bin entry. Workspace and npm dependencies stay external (tsdown's default for
// `dependencies`), so @amberkit/core resolves to its own published build at run time. The
// `#!/usr/bin/env node` line in src/cli.ts is kept and the output made executable.
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
