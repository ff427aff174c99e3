import { createEmulator } from '@amberkit/testing';
import { loadConfig } from '../config/load-config.js';
import { startProxyServer } from '../node/server.js';
import { createLogger } from '../observability/logger.js';
import { asCaller, makeKeys } from './harness.js';

/** The emulator account's key behind every stack: tests send it to the emulator directly. */
export const AMBERFLO_KEY = 'tcp-stack-amberflo-key-0001';

/**
 * The Node server (fast path included) on 127.0.0.1 in front of the emulator over TCP, with
 * one caller key of every scope, configured from `env` as the CLI would be. `headLines` picks
 * how fast answers write their head (the server's default when left out); `server`, the
 * server's other options.
 */
export async function tcpStack(
  env: Record<string, string> = {},
  headLines?: boolean,
  server: { requestTimeoutMs?: number } = {},
) {
  const emulator = createEmulator({ accounts: [AMBERFLO_KEY] });
  const upstream = await emulator.listen();
  const { plain, entries } = await makeKeys({ team: { scopes: ['*'] } });
  const config = loadConfig({
    AMBERFLO_API_KEY: AMBERFLO_KEY,
    AMBERFLO_BASE_URL: upstream.url,
    AMBERKIT_KEYS: JSON.stringify(entries),
    PORT: '0',
    ...env,
  });
  const lines: string[] = [];
  const proxyServer = await startProxyServer(config, {
    logger: createLogger({ write: (l) => lines.push(l), secrets: [AMBERFLO_KEY] }),
    ...(headLines === undefined ? {} : { headLines }),
    ...server,
  });
  const call = (path: string, init: RequestInit = {}) =>
    fetch(`${proxyServer.url}${path}`, asCaller(plain.team, init));
  return {
    emulator,
    upstream,
    server: proxyServer,
    call,
    lines,
    key: plain.team,
    async [Symbol.asyncDispose]() {
      await proxyServer.close();
      await upstream.close();
      await emulator.close();
    },
  };
}
