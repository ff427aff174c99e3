import { defineConfig } from 'vitest/config';

// One root run with a project per package, so `pnpm test` prints one summary. `.ci/run` asks
// for a JSON report (AMBERKIT_TEST_REPORT) to print its closing "N passed, N failed" line.
const report = process.env.AMBERKIT_TEST_REPORT;

export default defineConfig({
  test: {
    projects: ['packages/*', 'apps/*'],
    reporters: report ? ['default', 'json'] : ['default'],
    ...(report ? { outputFile: { json: report } } : {}),
  },
});
