import { defineProject } from 'vitest/config';
import { sharedTimeouts, sourceResolution } from '../../vitest.shared.js';

export default defineProject({
  ...sourceResolution,
  test: { ...sharedTimeouts, name: 'testing', include: ['src/**/*.test.ts'] },
});
