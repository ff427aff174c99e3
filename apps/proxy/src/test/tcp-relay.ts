import { type AddressInfo, connect, createServer, type Socket } from 'node:net';

/**
 * A TCP relay on 127.0.0.1 in front of a real server (Redis), so a test can make that server
 * unreachable or unresponsive while it keeps its data: `cut` drops every connection and
 * refuses new ones, `stall` keeps connections open but forwards nothing (a hung server),
 * `restore` goes back to relaying.
 */
export async function tcpRelay(target: { host: string; port: number }) {
  let mode: 'relay' | 'cut' | 'stall' = 'relay';
  const pairs = new Set<[Socket, Socket]>();
  const server = createServer((client) => {
    if (mode === 'cut') {
      client.destroy();
      return;
    }
    const upstream = connect(target.port, target.host);
    const pair: [Socket, Socket] = [client, upstream];
    pairs.add(pair);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      pairs.delete(pair);
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
    client.on('data', (chunk) => {
      if (mode === 'relay') upstream.write(chunk);
    });
    upstream.on('data', (chunk) => {
      if (mode === 'relay') client.write(chunk);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `redis://127.0.0.1:${port}`,
    cut() {
      mode = 'cut';
      for (const [client, upstream] of pairs) {
        client.destroy();
        upstream.destroy();
      }
      pairs.clear();
    },
    stall() {
      mode = 'stall';
    },
    restore() {
      mode = 'relay';
    },
    async [Symbol.asyncDispose]() {
      this.cut();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
