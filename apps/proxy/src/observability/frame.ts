import type { MiddlewareHandler } from 'hono';
import { formatMs, looksLikeCallerKey } from './logger.js';
import { requestHeader } from './request-header.js';

/**
 * The headers OWASP's REST Security Cheat Sheet gives for every API response (Content-Type is
 * set per response): `Cache-Control: no-store` so no browser or shared cache keeps billing
 * data, a CSP that loads nothing and forbids framing, HSTS for a year, `nosniff` and
 * `X-Frame-Options: DENY`. hono/secure-headers' defaults add browser-document headers
 * (COOP, Origin-Agent-Cluster, X-DNS-Prefetch-Control, X-XSS-Protection …) that do nothing
 * for JSON and cost every answer a header on both ends; the header values are the ones
 * hono/secure-headers writes for this configuration (a test keeps the two in step). Sent as one
 * precomputed object: see {@link frame} for why.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'cache-control': 'no-store',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
});

/** Read once: on Node the global is a lazy getter, called on every access. */
const webCrypto = globalThis.crypto;

/** The request id rule of hono/request-id: word characters, `-` and `=`, bounded length. */
const WELL_FORMED_ID = /^[\w\-=]{1,128}$/;

/**
 * The caller's `X-Request-Id` if well-formed, else a fresh UUID. One shaped like a caller key
 * is replaced too: the logs mask it, so echoing it or sending it upstream would carry a key
 * (pasted in the wrong header) where no key may go, under an id no log line can be matched to.
 */
export function requestIdFor(presented: string | undefined): string {
  return presented !== undefined && WELL_FORMED_ID.test(presented) && !looksLikeCallerKey(presented)
    ? presented
    : webCrypto.randomUUID();
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
    out += `${out ? ', ' : ''}${name};dur=${formatMs(ms)}`;
  }
  return out || undefined;
}

/** The security headers as [name, value, …], for responses written without a Web `Response`. */
export const SECURITY_PAIRS: readonly string[] = Object.entries(SECURITY_HEADERS).flat();

/** An empty body that is not "no body": no Content-Type is implied for it. */
const NO_BYTES = new Uint8Array(0);
const encoder = new TextEncoder();

/**
 * The one way responses are built: status, body, and every header in a plain object.
 *
 * Framing: an empty answer (a DELETE's 200) is sent as zero bytes, so it goes out with
 * `Content-Length: 0`; given no body at all, @hono/node-server adds `Content-Type: text/plain`
 * and Node sends it chunked. A HEAD carries the Content-Length its GET would (RFC 9110 §9.3.2):
 * Hono answers HEAD by dropping the GET's body, and Node, seeing none, would send no length.
 */
export function respond(
  c: { get(key: 'frame'): Frame; req: { method: string } },
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
  if (body !== null && c.req.method === 'HEAD')
    all['content-length'] = String(encoder.encode(body).byteLength);
  const noContent = status === 204 || status === 304;
  return new Response(body ?? (noContent ? null : NO_BYTES), { status, headers: all });
}
