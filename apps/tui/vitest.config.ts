import { defineProject } from 'vitest/config';
import { sharedTimeouts, sourceResolution } from '../../vitest.shared.js';

export default defineProject({
  ...sourceResolution,
  test: {
    ...sharedTimeouts,
    name: 'tui',
    include: ['src/**/*.test.{ts,tsx}'],
    // Process tests (and the tmux end-to-end test) run the built bin: build it once per run.
    globalSetup: ['./vitest.global-setup.ts'],
  },
});
