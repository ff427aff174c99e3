import type { ViteUserConfig } from 'vitest/config';

/**
 * Tests resolve workspace packages to their TypeScript sources through the
 * `@amberkit/source` export condition, so a test run never needs a fresh build of its
 * dependencies (published consumers resolve `types`/`default` → dist as usual). The rest is
 * Vite's default server condition list.
 */
const conditions = ['@amberkit/source', 'module', 'node', 'development|production'];

export const sourceResolution: Pick<ViteUserConfig, 'resolve' | 'ssr'> = {
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: conditions } },
};

/**
 * Deadlines for tests that start servers, processes and terminals. They only bound how long a
 * broken test takes to fail: a passing test never waits for them, so they are generous enough
 * for a loaded two-core CI machine.
 */
export const sharedTimeouts = { testTimeout: 30_000, hookTimeout: 60_000 } as const;
