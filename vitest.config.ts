import { defineConfig } from 'vitest/config';

// One root run with a project per package, so `pnpm test` prints one summary.
export default defineConfig({
  test: {
    projects: ['packages/*', 'apps/*'],
    reporters: process.env.CI ? ['default', 'json'] : ['default'],
    outputFile: { json: '.tmp/vitest-report.json' },
  },
});
