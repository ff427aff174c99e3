import { createClient, type RedisClientType } from 'redis';
import { ConfigError } from '../config/config-error.js';
import type { Logger } from '../observability/logger.js';

/** Most Redis commands waiting to be sent or answered; far above a healthy Redis's. */
export const REDIS_QUEUE_MAX = 10_000;

/**
 * The client the server shares between the cache and the rate limits: connected, or a
 * {@link ConfigError} naming `REDIS_URL`.
 */
export async function connectRedis(url: string, logger: Logger): Promise<RedisClientType> {
  let connected = false;
  const client: RedisClientType = createClient({
    url,
    // Fail fast while disconnected instead of queueing requests behind a dead socket.
    disableOfflineQueue: true,
    // A hung Redis that keeps the connection open: every call is abandoned at its deadline
    // but stays queued for a reply that never comes. Past this many waiting, calls fail at
    // once (a miss, the insurance limiter) instead of the queue growing without bound.
    commandsQueueMaxLength: REDIS_QUEUE_MAX,
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
