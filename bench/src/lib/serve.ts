import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';

export type Served = {
  url: string;
  close: () => Promise<void>;
  [Symbol.asyncDispose]: () => Promise<void>;
};

/** Serves a fetch handler on 127.0.0.1 on a free port until `close()`. */
export async function serveApp(
  fetch: (request: Request) => Response | Promise<Response>,
): Promise<Served> {
  const { server, port } = await new Promise<{ server: ReturnType<typeof serve>; port: number }>(
    (resolve) => {
      const server = serve({ fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) =>
        resolve({ server, port: info.port }),
      );
    },
  );
  const close = () =>
    new Promise<void>((resolve, reject) => {
      if ('closeAllConnections' in server) server.closeAllConnections();
      server.close((error) => (error ? reject(error) : resolve()));
    });
  return { url: `http://127.0.0.1:${port}`, close, [Symbol.asyncDispose]: close };
}
