import type { MiddlewareHandler } from 'hono';
import { requestHeader } from './request-header.js';

/**
 * What hono/secure-headers sets with its defaults (a test keeps the two in step), plus an HSTS
 * max-age of a year. Sent as one precomputed object: see {@link frame} for why.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'origin-agent-cluster': '?1',
  'referrer-policy': 'no-referrer',
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-dns-prefetch-control': 'off',
  'x-download-options': 'noopen',
  'x-frame-options': 'SAMEORIGIN',
  'x-permitted-cross-domain-policies': 'none',
  'x-xss-protection': '0',
});

/** The request id rule of hono/request-id: word characters, `-` and `=`, bounded length. */
const WELL_FORMED_ID = /^[\w\-=]{1,128}$/;

/** The caller's `X-Request-Id` if well-formed, else a fresh UUID. */
export function requestIdFor(presented: string | undefined): string {
  return presented !== undefined && WELL_FORMED_ID.test(presented)
    ? presented
    : crypto.randomUUID();
}

export type ServerTimingName = 'auth' | 'cache' | 'upstream';

/** Per-request response state: its id, timings for Server-Timing, headers to add. */
export type Frame = {
  readonly requestId: string;
  readonly timings: Partial<Record<ServerTimingName, number>>;
  readonly headers: Record<string, string>;
};

export type FrameVariables = { frame: Frame; requestId: string };

/**
 * Request id (the caller's if well-formed, else a UUID), security headers and Server-Timing,
 * in one place. Hono's request-id, secure-headers and timing middleware set headers on a Web
 * `Headers` object after the handler; with @hono/node-server that object is built per
 * response and takes the slow path, which cost most of a cache HIT's time. Responses built by
 * {@link respond} carry everything in one plain object instead.
 */
export function frame(): MiddlewareHandler<{ Variables: FrameVariables }> {
  return async function frame(c, next) {
    const requestId = requestIdFor(requestHeader(c, 'x-request-id'));
    c.set('frame', { requestId, timings: {}, headers: {} });
    c.set('requestId', requestId);
    await next();
  };
}

/** The `Server-Timing` value for the timings taken, or undefined when none were. */
export function serverTiming(timings: Frame['timings']): string | undefined {
  let out = '';
  for (const name in timings) {
    const ms = timings[name as ServerTimingName]!;
    out += `${out ? ', ' : ''}${name};dur=${Math.round(ms * 100) / 100}`;
  }
  return out || undefined;
}

/** The security headers as [name, value, …], for responses written without a Web `Response`. */
export const SECURITY_PAIRS: readonly string[] = Object.entries(SECURITY_HEADERS).flat();

/** The one way responses are built: status, body, and every header in a plain object. */
export function respond(
  c: { get(key: 'frame'): Frame },
  status: number,
  body: string | null,
  headers: Record<string, string> = {},
): Response {
  const state = c.get('frame');
  const all: Record<string, string> = {
    ...SECURITY_HEADERS,
    'x-request-id': state.requestId,
    ...state.headers,
    ...headers,
  };
  const timing = serverTiming(state.timings);
  if (timing) all['server-timing'] = timing;
  return new Response(body, { status, headers: all });
}
