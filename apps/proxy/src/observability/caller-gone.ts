/**
 * Whether `error` came from the caller going away rather than from the proxy: the request's
 * signal aborted (@hono/node-server aborts it when the connection closes before the answer;
 * Workers when the client disconnects), or Node's `aborted` reset of a body still being read.
 */
export function callerGone(error: unknown, request: Request): boolean {
  if (request.signal.aborted) return true;
  return (
    error instanceof Error &&
    (error as { code?: unknown }).code === 'ECONNRESET' &&
    error.message === 'aborted'
  );
}
