import { createClient, type RedisClientType } from 'redis';

export const REDIS_URL = 'redis://127.0.0.1:6379';

/** A connected client and a key prefix unique to this test; dispose deletes the keys. */
export async function testRedis(): Promise<{
  client: RedisClientType;
  prefix: string;
  keys(): Promise<string[]>;
  [Symbol.asyncDispose](): Promise<void>;
}> {
  const client: RedisClientType = createClient({ url: REDIS_URL });
  await client.connect();
  const prefix = `amberkit-test:${crypto.randomUUID()}:`;
  const keys = async () => {
    const found: string[] = [];
    for await (const batch of client.scanIterator({ MATCH: `${prefix}*`, COUNT: 500 }))
      found.push(...batch);
    return found;
  };
  return {
    client,
    prefix,
    keys,
    async [Symbol.asyncDispose]() {
      const left = await keys();
      if (left.length > 0) await client.del(left);
      await client.quit();
    },
  };
}

/**
 * A connected client to `url` (a relay's) made as the server makes it: no offline queue, so a
 * cut connection fails calls at once, and quick reconnects; its errors are the test's to see.
 */
export async function relayClient(url: string): Promise<RedisClientType> {
  const client: RedisClientType = createClient({
    url,
    disableOfflineQueue: true,
    socket: { reconnectStrategy: () => 50 },
  });
  client.on('error', () => {});
  await client.connect();
  return client;
}
