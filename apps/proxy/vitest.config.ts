import { defineProject } from 'vitest/config';
import { sourceResolution } from '../../vitest.shared.js';

export default defineProject({
  ...sourceResolution,
  test: {
    name: 'proxy',
    include: ['src/**/*.test.ts'],
    // Real servers, real Redis and spawned processes: give slow shared CI cores room.
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
