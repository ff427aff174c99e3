import type { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { methodNotAllowed, type ProxyEnv, sendError } from './context.js';
import type { RouteDeps } from './deps.js';
import { guard } from './guard.js';
import { allowedMethods, OPERATIONS } from './operations.js';
import { handleRead } from './read-route.js';
import { handleWrite } from './write-route.js';

/** The spec's eight operations on the spec's paths, then 405 (with Allow) for other methods. */
export function mountApiRoutes(app: Hono<ProxyEnv>, deps: RouteDeps): void {
  const limit = bodyLimit({
    maxSize: deps.bodyLimitBytes,
    onError: (c) =>
      sendError(
        c as never,
        413,
        'PAYLOAD_TOO_LARGE',
        `The request body is larger than ${deps.bodyLimitBytes} bytes`,
      ),
  });
  for (const op of OPERATIONS) {
    const handler = async (c: Parameters<typeof guard>[0]) =>
      (await guard(c, op, deps)) ??
      (op.method === 'GET' ? handleRead(c, op, deps) : handleWrite(c, op, deps));
    if (op.body) {
      app.on(
        op.method,
        op.path,
        async (c, next) => {
          // Authorise before reading a large body: a caller without a key gets 401, not 413.
          const refused = await guard(c, op, deps);
          return refused ?? limit(c, next);
        },
        (c) => handleWrite(c, op, deps),
      );
    } else {
      app.on(op.method, op.path, handler);
    }
  }
  for (const [path, methods] of allowedMethods())
    methodNotAllowed(app, path, methods, deps.preflight);
}
