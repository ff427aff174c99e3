import { defineProject } from 'vitest/config';
import { sourceResolution } from '../../vitest.shared.js';

export default defineProject({
  ...sourceResolution,
  test: {
    name: 'demo',
    include: ['src/**/*.test.ts'],
    // The demo runs the built bins of every part as processes; the consumer test packs and
    // installs them with npm. Build them once per run (turbo's cache makes a rerun cheap).
    globalSetup: ['./vitest.global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
