import { createServer } from 'node:net';
import type { RequestedPort } from '../config/options.js';

/** A port that was asked for is taken. */
export class PortInUseError extends Error {
  override name = 'PortInUseError' as const;
}

/**
 * Checks that a requested port can be bound on `host`, so a taken port gets a line naming the
 * flag or variable it came from. The part itself still reports a race lost after this check.
 */
export async function assertPortFree(
  requested: RequestedPort,
  what: string,
  host = '127.0.0.1',
): Promise<void> {
  if (requested.port === 0) return;
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE' || error.code === 'EACCES') {
        const why = error.code === 'EADDRINUSE' ? 'is in use' : 'needs privileges';
        reject(
          new PortInUseError(
            `${what} port ${requested.port} (${requested.source}) ${why}: stop what runs there or choose another port`,
          ),
        );
      } else reject(error);
    });
    server.listen({ port: requested.port, host, exclusive: true }, () =>
      server.close(() => resolve()),
    );
  });
}
