import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import type { EmulatorServer } from './create-emulator.js';
import { PortInUseError } from './errors.js';
import type { EmulatorApp } from './state.js';

/** Where to connect for a bound host: a wildcard address is reached over loopback. */
const WILDCARD: Record<string, string> = { '0.0.0.0': '127.0.0.1', '::': '::1', '[::]': '::1' };
const urlHost = (host: string) => {
  const reach = WILDCARD[host] ?? host;
  return reach.includes(':') && !reach.startsWith('[') ? `[${reach}]` : reach;
};

/** Node-only: serves the app with @hono/node-server. Close ends keep-alive and hung sockets at once. */
export async function listenNode(
  app: EmulatorApp,
  options: { port?: number; host?: string },
  onClose: () => Promise<void>,
): Promise<EmulatorServer> {
  const host = options.host ?? '127.0.0.1';
  const server = createAdaptorServer({ fetch: app.fetch });
  await new Promise<void>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      reject(error.code === 'EADDRINUSE' ? new PortInUseError(host, options.port ?? 0) : error);
    };
    server.once('error', onError);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Without this, close() waits for idle keep-alive sockets and for hung requests.
      if ('closeAllConnections' in server) server.closeAllConnections();
      await onClose();
      await closed;
    })();
    return closing;
  };
  return { url: `http://${urlHost(host)}:${port}`, port, close, [Symbol.asyncDispose]: close };
}
