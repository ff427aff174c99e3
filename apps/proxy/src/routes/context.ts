import type { ErrorCode, ErrorIssue } from '@amberkit/core/schemas';
import type { Context } from 'hono';
import { type FrameVariables, respond } from '../observability/frame.js';

/** Per-request values the handlers leave for the access log. */
export type ProxyEnv = {
  Variables: FrameVariables & {
    route: string;
    cacheResult: string;
    upstreamMs: number;
    keyName: string;
  };
};
export type ProxyContext = Context<ProxyEnv>;

const JSON_TYPE = 'application/json; charset=utf-8';

/** A JSON response with the frame's headers. */
export function sendJson(
  c: ProxyContext,
  status: number,
  value: unknown,
  headers: Record<string, string> = {},
): Response {
  return respond(c, status, JSON.stringify(value), { 'content-type': JSON_TYPE, ...headers });
}

/** Sends an `ErrorResponse` with the request id in the body too. */
export function sendError(
  c: ProxyContext,
  status: number,
  code: ErrorCode,
  message: string,
  extras: { issues?: readonly ErrorIssue[]; headers?: Record<string, string> } = {},
): Response {
  const body: Record<string, unknown> = { message, code };
  if (extras.issues) body.issues = extras.issues;
  body.requestId = c.get('requestId');
  return sendJson(c, status, body, extras.headers);
}
