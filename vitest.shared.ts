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
