import type { Flags } from '../../config/fields.js';
import { loadConfig } from '../../config/load-config.js';
import { startProxyServer } from '../server.js';
import type { Io } from './keys-commands.js';
import { parseFlags } from './parse-flags.js';

const FLAG_TO_FIELD = {
  port: 'port',
  host: 'host',
  upstream: 'baseUrl',
  'keys-file': 'keysFile',
  cache: 'cache',
  'redis-url': 'redisUrl',
  'rate-limit': 'rateLimit',
  'log-level': 'logLevel',
} as const;

/**
 * `serve` (the default command): validates the configuration, starts the server, and wires
 * signals: SIGHUP re-reads the keys file, SIGTERM/SIGINT drain and exit 0.
 */
export async function serve(
  args: string[],
  io: Io & { exit: (code: number) => void },
): Promise<void> {
  const options = Object.fromEntries(
    Object.keys(FLAG_TO_FIELD).map((name) => [name, { type: 'string' as const }]),
  );
  const { values } = parseFlags(args, options);
  const flags: Flags = {};
  for (const [flag, field] of Object.entries(FLAG_TO_FIELD)) {
    const value = values[flag];
    if (typeof value === 'string') flags[field] = value;
  }
  const config = loadConfig(io.env, flags);
  const server = await startProxyServer(config);
  const { logger } = server;
  logger.info('listening', {
    url: server.url,
    upstream: new URL(config.upstream.baseUrl).origin,
    cache: config.cache.kind,
    keys: 'file' in config.keys ? config.keys.file : 'AMBERKIT_KEYS',
  });

  process.on('SIGHUP', () => {
    server.reloadKeys().then(
      (count) => logger.info('keys reloaded', { keys: count }),
      (error: Error) =>
        logger.error('keys reload failed; keeping the previous keys', { error: error.message }),
    );
  });
  const stop = (signal: string) => {
    logger.info('draining', { signal, drainMs: config.drainMs });
    server.close().then(
      () => {
        logger.info('stopped', { signal });
        io.exit(0);
      },
      (error: Error) => {
        logger.error('shutdown failed', { error: error.message });
        io.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}
