import type { Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { createClient, type RedisClientType } from 'redis';
import type { CacheStore } from '../cache/cache-store.js';
import { createMemoryStore } from '../cache/memory-store.js';
import { ConfigError } from '../config/config-error.js';
import type { ProxyConfig } from '../config/load-config.js';
import { type AmberkitProxy, createProxy } from '../create-proxy.js';
import { createKeyRing } from '../keys/key-ring.js';
import { createLogger, type Logger } from '../observability/logger.js';
import { createBatchedWriter } from './batched-writer.js';
import { createFlexibleLimiter } from './flexible-limiter.js';
import { nodeHttpTransport } from './http-transport.js';
import { createFileKeySource } from './keys-file.js';
import { nodeHashKey } from './node-hash.js';
import { createRedisStore } from './redis-store.js';

/** A running Node proxy. */
export type ProxyServer = {
  readonly url: string;
  readonly port: number;
  readonly proxy: AmberkitProxy;
  readonly logger: Logger;
  /** Re-reads the keys file (SIGHUP); resolves with the number of keys, rejects on a bad file. */
  reloadKeys(): Promise<number>;
  /** Stops accepting, lets requests in flight finish (up to the drain timeout), closes Redis. */
  close(): Promise<void>;
};

async function connectRedis(url: string, logger: Logger): Promise<RedisClientType> {
  let connected = false;
  const client: RedisClientType = createClient({
    url,
    // Fail fast while disconnected instead of queueing requests behind a dead socket.
    disableOfflineQueue: true,
    socket: {
      connectTimeout: 3_000,
      // At start a failure is fatal (one line, exit 1); once running, reconnect with backoff.
      reconnectStrategy: (retries: number, cause: Error) =>
        connected ? Math.min(retries * 100, 2_000) : cause,
    },
  });
  client.on('error', (error: Error) => {
    if (connected) logger.warn('redis connection error', { error: error.message });
  });
  try {
    await client.connect();
  } catch (error) {
    try {
      client.destroy();
    } catch {
      // Already closed by the failed connect.
    }
    throw new ConfigError(
      `REDIS_URL: cannot connect to Redis (${(error as Error).message})`,
      'env',
    );
  }
  connected = true;
  return client;
}

/**
 * Starts the proxy on Node with @hono/node-server, from a validated {@link ProxyConfig}: keys
 * from env or a file, the memory or Redis cache, rate-limiter-flexible buckets (Redis-backed
 * with the Redis cache).
 */
export async function startProxyServer(
  config: ProxyConfig,
  options: { logger?: Logger } = {},
): Promise<ProxyServer> {
  const secrets = [
    config.upstream.apiKey,
    ...(config.cache.redisUrl ? [config.cache.redisUrl] : []),
  ];
  const batch = createBatchedWriter((text) => process.stdout.write(text));
  const logger =
    options.logger ?? createLogger({ level: config.logLevel, secrets, write: batch.write });
  const fileSource =
    'file' in config.keys ? await createFileKeySource(config.keys.file) : undefined;
  const keys = fileSource ?? createKeyRing('entries' in config.keys ? config.keys.entries : []);
  const redis =
    config.cache.kind === 'redis' ? await connectRedis(config.cache.redisUrl!, logger) : undefined;
  const store: CacheStore | undefined =
    config.cache.kind === 'off'
      ? undefined
      : redis
        ? createRedisStore({ client: redis, prefix: config.cache.redisPrefix, logger })
        : createMemoryStore({
            maxEntries: config.cache.maxEntries,
            maxBytes: config.cache.maxBytes,
          });

  const http = nodeHttpTransport();
  const proxy = createProxy({
    upstream: config.upstream,
    keys,
    cache: {
      enabled: store !== undefined,
      ...(store ? { store } : {}),
      policies: config.cache.policies,
    },
    rateLimit: {
      default: config.rateLimit,
      limiter: createFlexibleLimiter({ redis, prefix: config.cache.redisPrefix }),
    },
    bodyLimitBytes: config.bodyLimitBytes,
    corsOrigins: config.corsOrigins,
    logger,
    hashKey: nodeHashKey,
    transport: http.transport,
  });

  const server = createAdaptorServer({ fetch: proxy.fetch, hostname: config.host }) as Server;
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new ConfigError(
          `cannot listen on ${config.host}:${config.port} (${error.code ?? error.message})`,
          'env',
        ),
      ),
    );
    server.listen(config.port, config.host, () => resolve());
  }).catch(async (error) => {
    redis?.destroy();
    throw error;
  });
  const { port } = server.address() as AddressInfo;
  // Responses still to be written while draining say `Connection: close`, so keep-alive
  // callers move on and the server can finish without waiting out their idle timeout.
  let draining = false;
  const inFlight = new Set<ServerResponse>();
  server.on('request', (_req, res: ServerResponse) => {
    if (draining) res.setHeader('connection', 'close');
    inFlight.add(res);
    res.once('close', () => inFlight.delete(res));
  });
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;

  let closing: Promise<void> | undefined;
  return {
    url: `http://${host}:${port}`,
    port,
    proxy,
    logger,
    reloadKeys: () =>
      fileSource
        ? fileSource.reload()
        : Promise.reject(new Error('keys come from AMBERKIT_KEYS; there is no file to reload')),
    close() {
      closing ??= (async () => {
        draining = true;
        for (const res of inFlight) if (!res.headersSent) res.setHeader('connection', 'close');
        const drained = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        const timer = setTimeout(() => {
          logger.warn('drain timeout reached; closing remaining connections', {
            drainMs: config.drainMs,
          });
          server.closeAllConnections();
        }, config.drainMs);
        await drained;
        clearTimeout(timer);
        await proxy.close();
        http.close();
        await redis?.quit();
        batch.flush();
      })();
      return closing;
    },
  };
}
