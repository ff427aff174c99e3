import { createEmulator, type Emulator, type EmulatorServer } from '@amberkit/testing';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { tempDir } from './temp-dir.js';

export const API_KEY = 'tui-process-key';

/**
 * An emulator on 127.0.0.1 (demo dataset) plus an empty XDG_CONFIG_HOME, and the env that
 * points the CLI at them. Dispose with `await using`.
 */
export type EmulatorEnv = {
  emulator: Emulator;
  server: EmulatorServer;
  env: Record<string, string>;
  configHome: string;
  [Symbol.asyncDispose](): Promise<void>;
};

export async function emulatorEnv(): Promise<EmulatorEnv> {
  const emulator = createEmulator({ accounts: [API_KEY], dataset: 'demo', seed: 1 });
  const server = await emulator.listen({ port: 0, host: '127.0.0.1' });
  const config = await tempDir();
  return {
    emulator,
    server,
    configHome: config.path,
    env: {
      AMBERKIT_BASE_URL: server.url,
      AMBERKIT_API_KEY: API_KEY,
      XDG_CONFIG_HOME: config.path,
    },
    async [Symbol.asyncDispose]() {
      await server.close();
      await config[Symbol.asyncDispose]();
    },
  };
}

/**
 * One {@link emulatorEnv} for a test file, started before its tests, reset before each one and
 * closed after them. Read it through the returned function inside tests and hooks.
 */
export function sharedEmulatorEnv(): () => EmulatorEnv {
  let ctx: EmulatorEnv | undefined;
  beforeAll(async () => {
    ctx = await emulatorEnv();
  });
  afterAll(async () => {
    await ctx?.[Symbol.asyncDispose]();
  });
  beforeEach(() => {
    ctx?.emulator.reset();
  });
  return () => {
    if (!ctx) throw new Error('the shared emulator has not started');
    return ctx;
  };
}

/** The emulator's logged requests that write (not GET), to prove nothing was sent. */
export const writeRequests = (emulator: Emulator) =>
  emulator.requests().filter((entry) => entry.method !== 'GET');
