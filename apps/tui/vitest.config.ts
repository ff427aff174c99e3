import { defineProject } from 'vitest/config';
import { sharedTimeouts, sourceResolution } from '../../vitest.shared.js';

export default defineProject({
  ...sourceResolution,
  test: {
    ...sharedTimeouts,
    name: 'tui',
    // Ink draws only the last frame when it thinks it runs in CI (is-in-ci reads CI when Ink
    // loads), which would hide every intermediate frame the UI tests wait for.
    env: { CI: 'false' },
    include: ['src/**/*.test.{ts,tsx}'],
    // Process tests (and the tmux end-to-end test) run the built bin: build it once per run.
    globalSetup: ['./vitest.global-setup.ts'],
  },
});
