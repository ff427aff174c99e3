import { describe, expect, test } from 'vitest';
import { createLogger } from '../observability/logger.js';
import { tcpRelay } from '../test/tcp-relay.js';
import { withDeadline } from './deadline.js';
import { connectRedis, REDIS_QUEUE_MAX } from './redis-client.js';

describe("the server's Redis client (real Redis behind a relay)", () => {
  test('a hung Redis that keeps the connection: past the queue limit, calls fail at once', async () => {
    await using relay = await tcpRelay({ host: '127.0.0.1', port: 6379 });
    const client = await connectRedis(relay.url, createLogger({ write: () => {} }));
    try {
      expect(await client.ping()).toBe('PONG');
      relay.stall();
      const waiting = Array.from({ length: REDIS_QUEUE_MAX }, () =>
        client.get('amberkit-test:never-answered').catch((error: Error) => error),
      );
      const started = performance.now();
      const over = await withDeadline(client.ping(), 1_000).catch((error: Error) => error);
      expect(over).toBeInstanceOf(Error);
      expect((over as Error).message).toBe('The queue is full');
      expect(performance.now() - started).toBeLessThan(100);
      client.destroy();
      expect(await Promise.all(waiting)).toHaveLength(REDIS_QUEUE_MAX);
    } finally {
      if (client.isOpen) client.destroy();
    }
  });
});
