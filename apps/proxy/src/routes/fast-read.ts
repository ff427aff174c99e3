import { authorize } from '../auth/authenticate.js';
import { extractKey } from '../auth/extract-key.js';
import type { CacheKeys } from '../cache/cache-policy.js';
import type { CachedEntry } from '../cache/cache-store.js';
import { logRequest } from '../observability/access-log.js';
import { type Frame, requestIdFor, SECURITY_PAIRS, serverTiming } from '../observability/frame.js';
import { pushRateLimitHeaders, type RateDecision } from '../rate-limit/rate-limiter.js';
import type { RouteDeps } from './deps.js';
import { OPERATIONS, type Operation } from './operations.js';
import { readThrough, wantsNoCache } from './read-through.js';
import { internalErrorReply, type Reply } from './reply.js';

/**
 * A response built without Hono: headers as `[name, value, …]` with Content-Length among
 * them; the body as bytes, or as a string when small (Node then sends head and body in one
 * write).
 */
export type FastAnswer = {
  readonly status: number;
  readonly headers: string[];
  readonly body: Uint8Array | string;
};

/** Bodies up to this many UTF-16 units go out as strings; longer ones as bytes encoded once. */
const SMALL_BODY = 2048;

/** The UTF-8 length of a string (lone surrogates count 3, as TextEncoder writes U+FFFD). */
export function utf8Length(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) continue;
    if (code < 0x800) bytes += 1;
    else if (code >= 0xd800 && code < 0xdc00 && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      // A surrogate pair: 2 units, 4 bytes.
      bytes += 2;
      i++;
    } else bytes += 2;
  }
  return bytes;
}

/** A cached entry as written on the wire: body and Content-Length worked out once. */
type Wire = { readonly body: Uint8Array | string; readonly length: string };

/**
 * Answers a GET of a cached route from an authorised caller without the app: a fresh HIT in
 * an in-process store synchronously, anything else (MISS, STALE, BYPASS, upstream errors)
 * with a promise. Says undefined, having taken nothing (no rate-limit point, no metric, no
 * log line), when the app must answer: a refusal, another route or method, an id that needs
 * decoding, an asynchronous hash or limiter. `header` reads a request header by lower-case
 * name; `connection` is any object that stays the same for one client connection (the socket).
 */
export type FastRead = (
  method: string,
  url: string,
  header: (name: string) => string | undefined,
  connection?: object,
) => FastAnswer | Promise<FastAnswer> | undefined;

const INVOICES = '/payments-billing-customer-product-invoice';
const INVOICES_QUERY = `${INVOICES}?customerId=`;
/** Ids the router and the cache keys read the same with no decoding (RFC 3986 unreserved). */
const PLAIN_ID = /^[\w.~-]+$/;
const JSON_TYPE = 'application/json';
const EMPTY = new Uint8Array(0);
const opById = (id: string): Operation => OPERATIONS.find((op) => op.id === id)!;
const LIST = opById('listCustomers');
const ONE = opById('getCustomerById');
const INVOICES_OP = opById('listInvoices');

type Route = { readonly op: Operation; readonly key: string; readonly path: string };

/** Route, cache key and upstream path of a GET the fast path may answer; else undefined. */
function match(url: string, keys: CacheKeys): Route | undefined {
  if (url === '/customers') return { op: LIST, key: keys.customers(), path: url };
  if (url.startsWith('/customers/')) {
    const id = url.slice(11);
    return PLAIN_ID.test(id) ? { op: ONE, key: keys.customer(id), path: url } : undefined;
  }
  if (url.startsWith(INVOICES_QUERY)) {
    const id = url.slice(INVOICES_QUERY.length);
    return PLAIN_ID.test(id) ? { op: INVOICES_OP, key: keys.invoices(id), path: url } : undefined;
  }
  return undefined;
}

/** Most URLs whose route is remembered; past that the memory starts over. */
const ROUTE_MEMORY = 4096;

/**
 * Whether two strings are equal, in time that depends only on their lengths (a caller key's
 * length is public: `ak_` and 32 characters).
 */
function sameKey(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/** What the app's access log middleware writes, for one fast answer. */
type Trace = {
  readonly requestId: string;
  readonly route: string;
  readonly caller: string;
  readonly started: number;
  readonly rate: RateDecision | undefined;
};

/**
 * The cached GETs without the router, middleware chain, Web `Request` and `Response`: on Node
 * those cost about as much CPU as a whole cache HIT, and a third of a miss. It takes the same
 * steps as the app — request id, caller authentication and scope, rate limit, then
 * {@link readThrough} (or, for a fresh HIT, the entry at once) — and leaves the same traces
 * (Server-Timing, X-Cache, Age, RateLimit-*, security headers, one log line, the request and
 * cache metrics, a 500 with the request id if something throws).
 */
export function createFastRead(deps: RouteDeps): FastRead {
  const { cache, limiter, logger, metrics } = deps;
  let keys: CacheKeys | undefined;
  void deps.cacheKeys.then((resolved) => {
    keys = resolved;
  });
  // A URL's route and cache key, worked out once: the same few URLs come again and again.
  const routes = new Map<string, Route | null>();
  const routeOf = (url: string, cacheKeys: CacheKeys): Route | undefined => {
    let route = routes.get(url);
    if (route === undefined) {
      route = match(url, cacheKeys) ?? null;
      if (routes.size >= ROUTE_MEMORY) routes.clear();
      routes.set(url, route);
    }
    return route ?? undefined;
  };
  // The key last presented on each connection, with its hash. A keep-alive client sends the
  // same key on every request, so it is hashed once per connection; the comparison takes the
  // same time whatever the keys hold (a connection pooled by a load balancer carries several
  // callers' keys), and stored keys are still only ever found by hash.
  const lastKeys = new WeakMap<object, { readonly presented: string; readonly hash: string }>();
  const hashOf = (presented: string, connection: object | undefined): string | undefined => {
    const last = connection && lastKeys.get(connection);
    if (last && sameKey(last.presented, presented)) return last.hash;
    const hash = deps.hashKey(presented);
    if (typeof hash !== 'string') return undefined;
    if (connection) lastKeys.set(connection, { presented, hash });
    return hash;
  };
  const wires = new WeakMap<CachedEntry, Wire>();
  const encoder = new TextEncoder();
  const wireOf = (entry: CachedEntry): Wire => {
    let wire = wires.get(entry);
    if (!wire) {
      const small = entry.body.length <= SMALL_BODY;
      const body = small ? entry.body : encoder.encode(entry.body);
      wire = {
        body,
        length: String(typeof body === 'string' ? utf8Length(body) : body.byteLength),
      };
      wires.set(entry, wire);
    }
    return wire;
  };
  const answer = (status: number, headers: string[], body: string | null): FastAnswer => {
    if (body !== null && body.length <= SMALL_BODY) {
      headers.push('content-length', String(utf8Length(body)));
      return { status, headers, body };
    }
    const bytes = body === null ? EMPTY : encoder.encode(body);
    headers.push('content-length', String(bytes.byteLength));
    return { status, headers, body: bytes };
  };

  /**
   * Headers in the app's order (security, request id, rate limit, the reply's, timing) as
   * `[name, value, …]`, which Node writes without building a headers object.
   */
  const frameHeaders = (trace: Trace): string[] => {
    const headers = SECURITY_PAIRS.slice();
    headers.push('x-request-id', trace.requestId);
    if (trace.rate) pushRateLimitHeaders(headers, trace.rate);
    return headers;
  };
  const replyHeaders = (trace: Trace, reply: Reply, timings: Frame['timings']): string[] => {
    const headers = frameHeaders(trace);
    for (const name in reply.headers) headers.push(name, reply.headers[name]!);
    const timing = serverTiming(timings);
    if (timing) headers.push('server-timing', timing);
    return headers;
  };
  const log = (trace: Trace, status: number, cacheResult?: string, upstreamMs?: number) =>
    logRequest(
      logger,
      metrics,
      trace.requestId,
      'GET',
      trace.route,
      status,
      trace.started,
      cacheResult,
      upstreamMs,
      trace.caller,
    );

  return (method, url, header, connection) => {
    if (method !== 'GET' || !keys) return undefined;
    const route = routeOf(url, keys);
    if (!route) return undefined;
    const started = performance.now();

    const presented = extractKey(header('authorization'), header('x-api-key'));
    if (presented === undefined) return undefined;
    const hash = hashOf(presented, connection);
    if (hash === undefined) return undefined;
    const now = deps.clock();
    const auth = authorize(deps.keys.current().get(hash), route.op.scope, now);
    if (!auth.ok) return undefined;
    const { key } = auth;
    const authed = performance.now();

    // As in the app, the rate limit before any cache lookup. A refusal goes to the app (429),
    // having taken nothing.
    const limit = key.limit ?? deps.defaultLimit;
    let rate: RateDecision | undefined;
    if (limit && limiter) {
      rate = limiter.consumeIfAllowed?.(key.hash, limit);
      if (!rate) return undefined;
    }

    const lookup = performance.now();
    const noCache = wantsNoCache(header('cache-control'));
    const policy = deps.policies[route.op.cache!];
    const fresh = cache && !noCache ? cache.peekFresh(route.key, policy) : undefined;
    const hit = fresh?.status === 200 && fresh.body !== '' ? fresh : undefined;
    const looked = performance.now();

    const requestId = requestIdFor(header('x-request-id'));
    const trace: Trace = { requestId, route: route.op.id, caller: key.name, started, rate };

    if (hit && cache) {
      const age = String(Math.max(0, Math.floor((now - hit.storedAt) / 1000)));
      const wire = wireOf(hit);
      const type = hit.contentType || JSON_TYPE;
      // Server-Timing as serverTiming() writes it, without building the timings object.
      const timing = `auth;dur=${Math.round((authed - started) * 100) / 100}, cache;dur=${Math.round((looked - lookup) * 100) / 100}`;
      cache.countHit();
      // The frame's headers, then the reply's in the app's order.
      const headers = frameHeaders(trace);
      headers.push(
        'content-type',
        type,
        'x-cache',
        'HIT',
        'age',
        age,
        'server-timing',
        timing,
        'content-length',
        wire.length,
      );
      log(trace, 200, 'HIT');
      return { status: 200, headers, body: wire.body };
    }

    const timings: Frame['timings'] = { auth: authed - started };
    const request = {
      op: route.op,
      key: route.key,
      path: route.path,
      requestId,
      noCache,
      timings,
      // A background refresh runs on its own on Node; the cache catches its failure.
      defer: () => {},
    };
    return readThrough(request, deps).then(
      ({ reply, cacheResult, upstreamMs }) => {
        log(trace, reply.status, cacheResult, upstreamMs);
        return answer(reply.status, replyHeaders(trace, reply, timings), reply.body);
      },
      (error: unknown) => {
        // As the app's onError: one error line, and a 500 that names the request id.
        const reply = internalErrorReply(error, requestId, logger);
        log(trace, 500);
        return answer(500, replyHeaders(trace, reply, timings), reply.body);
      },
    );
  };
}
