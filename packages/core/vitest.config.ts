import { defineProject } from 'vitest/config';
import { sharedTimeouts, sourceResolution } from '../../vitest.shared.js';

export default defineProject({
  ...sourceResolution,
  test: { ...sharedTimeouts, name: 'core', include: ['src/**/*.test.ts'] },
});
