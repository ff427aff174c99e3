import type { ErrorCode, ErrorIssue } from '@amberkit/core/schemas';
import type { Context, Hono } from 'hono';
import { type FrameVariables, respond } from '../observability/frame.js';
import type { Preflight } from './cors.js';
import { errorReply, jsonReply } from './reply.js';

/** Per-request values the handlers leave for the access log. */
export type ProxyEnv = {
  Variables: FrameVariables & {
    route: string;
    cacheResult: string;
    upstreamMs: number;
    keyName: string;
    /** The caller went away before the answer (see `callerGone`): no answer, no metric. */
    callerGone: boolean;
  };
};
export type ProxyContext = Context<ProxyEnv>;

/** A JSON response with the frame's headers. */
export function sendJson(
  c: ProxyContext,
  status: number,
  value: unknown,
  headers: Record<string, string> = {},
): Response {
  const reply = jsonReply(status, value, headers);
  return respond(c, reply.status, reply.body, reply.headers);
}

/** Sends an `ErrorResponse` with the request id in the body too. */
export function sendError(
  c: ProxyContext,
  status: number,
  code: ErrorCode,
  message: string,
  extras: { issues?: readonly ErrorIssue[]; headers?: Record<string, string> } = {},
): Response {
  const reply = errorReply(c.get('requestId'), status, code, message, extras);
  return respond(c, reply.status, reply.body, reply.headers);
}

/**
 * Any method not in `methods` on `path`: 405 `METHOD_NOT_ALLOWED` with `Allow`. With a
 * `preflight` (CORS on), OPTIONS is answered by it and listed in `Allow` too.
 */
export function methodNotAllowed(
  app: Hono<ProxyEnv>,
  path: string,
  methods: readonly string[],
  preflight?: Preflight | null,
): void {
  const allow = [...methods, ...(preflight ? ['OPTIONS'] : [])].join(', ');
  if (preflight) app.options(path, preflight(allow));
  app.all(path, (c) =>
    sendError(
      c,
      405,
      'METHOD_NOT_ALLOWED',
      `${c.req.method} is not allowed on ${path}; use ${allow}`,
      {
        headers: { allow },
      },
    ),
  );
}
