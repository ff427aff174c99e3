import { defineConfig } from 'tsdown';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    'schemas/index': 'src/schemas/index.ts',
    'client/index': 'src/client/index.ts',
    'time/index': 'src/time/index.ts',
    'money/index': 'src/money/index.ts',
    'openapi/index': 'src/openapi/index.ts',
  },
  format: 'esm',
  platform: 'neutral',
  target: 'es2022',
  dts: true,
  fixedExtension: false,
  clean: true,
  sourcemap: true,
});
