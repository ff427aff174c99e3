import { authorize } from '../auth/authenticate.js';
import { presentedKey } from '../auth/extract-key.js';
import type { CacheKeys } from '../cache/cache-policy.js';
import type { CachedEntry } from '../cache/cache-store.js';
import { requestBypass } from '../cache/request-directives.js';
import { logRequest } from '../observability/access-log.js';
import { type Frame, requestIdFor, SECURITY_PAIRS, serverTiming } from '../observability/frame.js';
import { formatMs } from '../observability/logger.js';
import type { RequestSeries } from '../observability/metrics.js';
import {
  pushRateLimitHeaders,
  type RateDecision,
  setRateLimitHeaders,
} from '../rate-limit/rate-limiter.js';
import type { RouteDeps } from './deps.js';
import { OPERATIONS, type Operation } from './operations.js';
import { readThrough } from './read-through.js';
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
  /**
   * How many pairs at the start of `headers` are valid by construction — names and values
   * this module wrote, or checked once, with no framing header (Content-Length, Connection)
   * among them — so a server may write them without checking each again.
   */
  readonly checked: number;
  /** The first `[0]` of those pairs as `name: value\r\n` lines, written once for all answers. */
  readonly rendered: readonly [number, string];
  /** The body is a string of ASCII characters only: its UTF-8 bytes are its Latin-1 bytes. */
  readonly ascii: boolean;
};

/** The pairs `[from, to)` of `[name, value, …]` as the lines of a response head, after `lines`. */
export function renderLines(
  pairs: readonly string[],
  from = 0,
  to = pairs.length / 2,
  lines = '',
): string {
  let out = lines;
  for (let i = from * 2; i < to * 2; i += 2) out += `${pairs[i]}: ${pairs[i + 1]}\r\n`;
  return out;
}

/** A character Node refuses in a header value (its `checkInvalidHeaderChar`). */
const INVALID_VALUE_CHAR = /[^\t\x20-\x7e\x80-\xff]/;

/** Bodies up to this many UTF-16 units go out as strings; longer ones as bytes encoded once. */
const SMALL_BODY = 2048;

/** Any code unit outside ASCII. */
const NON_ASCII = /[\u0080-\uffff]/;

/**
 * The UTF-8 length of a string (lone surrogates count 3, as TextEncoder writes U+FFFD), where
 * the runtime has no `Buffer`. ASCII text, most JSON, is answered by one regex test: V8 (11.3)
 * reads `charCodeAt` in the loop through a generic property load, which for a 200-character
 * body cost a tenth of a miss.
 */
export function scanUtf8Length(text: string): number {
  if (!NON_ASCII.test(text)) return text.length;
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

/** Node's `Buffer.byteLength`, where there is one (the Workers build has none). */
const nodeByteLength = (
  globalThis as { Buffer?: { byteLength(text: string, encoding: 'utf8'): number } }
).Buffer?.byteLength;

/**
 * The UTF-8 length of a string, as TextEncoder would write it. On Node, Buffer's count: for a
 * miss's 187-character JSON body about a quarter of the regex test's instructions (3k a miss).
 */
export const utf8Length: (text: string) => number = nodeByteLength
  ? (text) => nodeByteLength(text, 'utf8')
  : scanUtf8Length;

/**
 * A cached entry as written on the wire: body, Content-Length and Content-Type worked out
 * once, and whether that Content-Type is a valid header value.
 */
type Wire = {
  readonly body: Uint8Array | string;
  readonly length: string;
  readonly type: string;
  readonly typeChecked: boolean;
  readonly ascii: boolean;
};

/**
 * A request's headers as Node's `rawHeaders` gives them: `[name, value, …]`, names in the
 * caller's case, repeated headers repeated. Reading the few the fast path needs from here
 * spares Node building the `headers` object.
 */
export type RawHeaders = readonly string[];

/**
 * Answers a GET of a cached route from an authorised caller without the app: a fresh HIT in
 * an in-process store synchronously, anything else (MISS, STALE, BYPASS, upstream errors)
 * with a promise. Says undefined, having taken nothing (no rate-limit point, no metric, no
 * log line), when the app must answer: a refusal, another route or method, an id that needs
 * decoding, a header it reads sent twice, an asynchronous hash or limiter. `connection` is
 * any object that stays the same for one client connection (the socket).
 */
export type FastRead = (
  method: string,
  url: string,
  headers: RawHeaders,
  connection?: object,
) => FastAnswer | Promise<FastAnswer> | undefined;

const INVOICES = '/payments-billing-customer-product-invoice';
const INVOICES_QUERY = `${INVOICES}?customerId=`;
/**
 * Ids the router and the cache keys read the same with no decoding (RFC 3986 unreserved), but
 * `.` and `..`: in a path those are dot segments, which URL parsing removes (`/customers/..`
 * is `/`), so the app answers them and nothing is sent upstream or cached.
 */
const PLAIN_ID = /^(?!\.\.?$)[\w.~-]+$/;
const JSON_TYPE = 'application/json';
/** Read once: on Node the global is a lazy getter, called on every access. */
const perf = globalThis.performance;
const EMPTY = new Uint8Array(0);
const opById = (id: string): Operation => OPERATIONS.find((op) => op.id === id)!;
const LIST = opById('listCustomers');
const ONE = opById('getCustomerById');
const INVOICES_OP = opById('listInvoices');

type Route = { readonly op: Operation; readonly key: string; readonly path: string };
/** A route as remembered for its URL, with the counter of its HITs and other 200s. */
type Memo = Route & { readonly served: RequestSeries };

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

/**
 * Most URLs whose route is remembered; past that the memory starts over. Only short URLs of
 * requests that passed authentication are kept, so requests the fast path declines (any
 * caller's, before authentication) leave nothing behind: at most 4,096 × 256 UTF-16 units.
 */
const ROUTE_MEMORY = 4096;
const ROUTE_URL_MAX = 256;

/**
 * Whether a `Host` header is valid, by @hono/node-server's rule but ignoring case (the Node
 * server lower-cases Host before handing a request to it): URL parsing reads the name or
 * address back unchanged, with an optional port. The app answers anything else with a 400
 * (RFC 9112 §3.2), so the fast path must not serve it.
 */
export function validHost(host: string): boolean {
  try {
    const { hostname } = new URL(`http://${host}/`);
    return hostname.length === host.length || hostname === host.replace(/:\d+$/, '').toLowerCase();
  } catch {
    return false;
  }
}

/**
 * A request header's name in lower case: the usual spellings of the six the fast path reads
 * are matched as they are, without building a lower-case copy of each.
 */
function headerName(name: string): string {
  switch (name) {
    case 'host':
    case 'Host':
      return 'host';
    case 'authorization':
    case 'Authorization':
      return 'authorization';
    case 'x-api-key':
    case 'X-API-KEY':
    case 'X-Api-Key':
      return 'x-api-key';
    case 'cache-control':
    case 'Cache-Control':
      return 'cache-control';
    case 'x-request-id':
    case 'X-Request-Id':
    case 'X-Request-ID':
      return 'x-request-id';
    case 'pragma':
    case 'Pragma':
      return 'pragma';
  }
  return name.toLowerCase();
}

/** Longest credential header, in UTF-8 bytes, whose key's hash a connection remembers. */
const CREDENTIAL_MEMORY_BYTES = 256;

/** The credential header a connection last sent (Authorization or X-API-KEY) and its key's hash. */
type Credential = {
  readonly fromApiKey: boolean;
  readonly bytes: Uint8Array;
  readonly hash: string;
};

/**
 * What the fast path remembers of one connection: its last credential, its last good Host,
 * and the last URL it was served with its route.
 */
type Connection = {
  credential: Credential | undefined;
  host: string | undefined;
  url: string | undefined;
  route: Memo | undefined;
};

/**
 * Whether `a` holds exactly the first `n` bytes of `b`, in time that depends only on the
 * lengths (a caller key's length is public: `ak_` and 32 characters). Bytes, not strings:
 * V8 reads a character of a header string here through a generic property load (measured:
 * ten thousand instructions a request more for a 43-character header), which made a loop
 * over two keys cost as much as hashing one.
 */
function sameBytes(a: Uint8Array, b: Uint8Array, n: number): boolean {
  if (a.length !== n) return false;
  let diff = 0;
  for (let i = 0; i < n; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

/**
 * A HIT's headers, copied per answer: the security headers, then the per-request ones, then
 * Content-Type and Content-Length. The empty values are the slots filled per request; the
 * `RateLimit-*` slots are there when the caller's key has a limit.
 */
const HIT_CONSTANT = [...SECURITY_PAIRS, 'x-cache', 'HIT'];
/** The HIT's constant headers as head lines, and the security headers of any answer. */
const HIT_RENDERED: readonly [number, string] = [
  HIT_CONSTANT.length / 2,
  renderLines(HIT_CONSTANT),
];
const SECURITY_RENDERED: readonly [number, string] = [
  SECURITY_PAIRS.length / 2,
  renderLines(SECURITY_PAIRS),
];
const hitTemplate = (rated: boolean): readonly string[] => [
  ...HIT_CONSTANT,
  ...['x-request-id', '', 'age', '', 'server-timing', ''],
  ...(rated ? ['ratelimit-limit', '', 'ratelimit-remaining', '', 'ratelimit-reset', ''] : []),
  ...['content-type', '', 'content-length', ''],
];
const HIT_HEADERS = hitTemplate(false);
const RATED_HIT_HEADERS = hitTemplate(true);
/** Where the value of header `name` goes in a HIT's headers. */
const slot = (name: string, template = HIT_HEADERS): number => template.indexOf(name) + 1;
const ID_AT = slot('x-request-id');
const AGE_AT = slot('age');
const TIMING_AT = slot('server-timing');
const LIMIT_AT = slot('ratelimit-limit', RATED_HIT_HEADERS);
/**
 * The pairs before Content-Type, valid by construction: constants, a request id that is a
 * UUID or matched `[\w=-]`, and numbers. Content-Type comes from upstream and is checked once
 * per cached entry.
 */
const checkedPairs = (template: readonly string[]): number => template.indexOf('content-type') / 2;
const HIT_CHECKED = checkedPairs(HIT_HEADERS);
const RATED_HIT_CHECKED = checkedPairs(RATED_HIT_HEADERS);

/** Reply headers whose values {@link readThrough} writes itself (the cache result, a number). */
const OWN_REPLY_HEADERS: ReadonlySet<string> = new Set(['x-cache', 'age']);

/** What the app's access log middleware writes, for one fast answer. */
type Trace = {
  readonly requestId: string;
  readonly requestIdGenerated: boolean;
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
  // A URL's route, cache key and request counter, worked out once: the same few URLs come
  // again and again.
  const routes = new Map<string, Memo>();
  const routeFor = (url: string, cacheKeys: CacheKeys): Memo | undefined => {
    const route = match(url, cacheKeys);
    return route && { ...route, served: metrics.series(route.op.id, 'GET', 200) };
  };
  /** Remembers a URL once a request for it is served (authorised), if it is short. */
  const remember = (url: string, memo: Memo): void => {
    if (url.length > ROUTE_URL_MAX) return;
    if (routes.size >= ROUTE_MEMORY) routes.clear();
    routes.set(url, memo);
  };
  // The credential header last sent on each connection, as bytes, with the key's hash. A
  // keep-alive client sends the same header on every request, so its key is extracted and
  // hashed once per connection; the comparison takes the same time whatever the headers hold
  // (a connection pooled by a load balancer carries several callers' keys), and stored keys
  // are still only ever found by hash. The connection's last valid Host sits beside it.
  const connections = new WeakMap<object, Connection>();
  const connectionOf = (socket: object): Connection => {
    let known = connections.get(socket);
    if (!known) {
      known = { credential: undefined, host: undefined, url: undefined, route: undefined };
      connections.set(socket, known);
    }
    return known;
  };
  const encoder = new TextEncoder();
  const headerBytes = new Uint8Array(CREDENTIAL_MEMORY_BYTES);
  /** `value` as UTF-8 in `headerBytes`: its length, or -1 when it does not fit. */
  const encode = (value: string): number => {
    const into = encoder.encodeInto(value, headerBytes);
    return into.read === value.length ? into.written : -1;
  };
  const hashOf = (
    authorization: string | undefined,
    apiKey: string | undefined,
    connection: Connection | undefined,
  ): string | undefined => {
    const last = connection?.credential;
    if (last) {
      // The same header again, and (for X-API-KEY) still no Authorization to take precedence.
      const value = last.fromApiKey
        ? authorization === undefined
          ? apiKey
          : undefined
        : authorization;
      if (value !== undefined) {
        const length = encode(value);
        if (length >= 0 && sameBytes(last.bytes, headerBytes, length)) return last.hash;
      }
    }
    const source = presentedKey(authorization, apiKey);
    if (!source) return undefined;
    const hash = deps.hashKey(source.key);
    if (typeof hash !== 'string') return undefined;
    if (connection) {
      const fromApiKey = source.header === 'x-api-key';
      const length = encode(fromApiKey ? apiKey! : authorization!);
      connection.credential =
        length >= 0 ? { fromApiKey, bytes: headerBytes.slice(0, length), hash } : undefined;
    }
    return hash;
  };
  const wires = new WeakMap<CachedEntry, Wire>();
  const wireOf = (entry: CachedEntry): Wire => {
    let wire = wires.get(entry);
    if (!wire) {
      const small = entry.body.length <= SMALL_BODY;
      const body = small ? entry.body : encoder.encode(entry.body);
      const type = entry.contentType || JSON_TYPE;
      const bytes = typeof body === 'string' ? utf8Length(body) : body.byteLength;
      wire = {
        body,
        length: String(bytes),
        type,
        typeChecked: !INVALID_VALUE_CHAR.test(type),
        ascii: typeof body === 'string' && bytes === body.length,
      };
      wires.set(entry, wire);
    }
    return wire;
  };
  const answer = (
    status: number,
    headers: string[],
    checked: number,
    body: string | null,
  ): FastAnswer => {
    // RFC 9110 §8.6: no Content-Length on a 204 or a 304, which have no content.
    const rendered = SECURITY_RENDERED;
    if (status === 204 || status === 304)
      return { status, headers, body: EMPTY, checked, rendered, ascii: false };
    if (body !== null && body.length <= SMALL_BODY) {
      const length = utf8Length(body);
      headers.push('content-length', String(length));
      return { status, headers, body, checked, rendered, ascii: length === body.length };
    }
    const bytes = body === null ? EMPTY : encoder.encode(body);
    headers.push('content-length', String(bytes.byteLength));
    return { status, headers, body: bytes, checked, rendered, ascii: false };
  };

  /**
   * The app's headers (security, request id, rate limit, timing, the reply's), and how many of
   * them at the start are ours: all but the reply's Content-Type and Retry-After, which may
   * come from upstream and go last, through the server's checks.
   */
  const replyHeaders = (
    trace: Trace,
    reply: Reply,
    timings: Frame['timings'],
  ): [string[], number] => {
    const headers = SECURITY_PAIRS.slice();
    headers.push('x-request-id', trace.requestId);
    // An upstream 429 goes without the key's budget, as in the app (see sendReply).
    if (trace.rate && reply.status !== 429) pushRateLimitHeaders(headers, trace.rate);
    const timing = serverTiming(timings);
    if (timing) headers.push('server-timing', timing);
    for (const name in reply.headers)
      if (OWN_REPLY_HEADERS.has(name)) headers.push(name, reply.headers[name]!);
    const checked = headers.length / 2;
    for (const name in reply.headers)
      if (!OWN_REPLY_HEADERS.has(name)) headers.push(name, reply.headers[name]!);
    return [headers, checked];
  };
  const log = (trace: Trace, status: number, cacheResult?: string, upstreamMs?: number) => {
    metrics.request(trace.route, 'GET', status);
    logRequest(logger, {
      requestId: trace.requestId,
      requestIdGenerated: trace.requestIdGenerated,
      method: 'GET',
      route: trace.route,
      status,
      cache: cacheResult,
      upstreamMs,
      ms: perf.now() - trace.started,
      caller: trace.caller,
    });
  };

  return (method, url, raw, socket) => {
    if (method !== 'GET' || !keys) return undefined;
    // A keep-alive client asks for the same URL again and again: the connection's last one is
    // compared before the URL is hashed for the table.
    const remembered = socket === undefined ? undefined : connectionOf(socket);
    const known = remembered?.url === url ? remembered.route : routes.get(url);
    const route = known ?? routeFor(url, keys);
    if (!route) return undefined;
    const started = perf.now();

    // The six headers read here, from the raw list; one sent twice goes to the app, which
    // reads repeated headers joined, as HTTP combines them, and refuses a repeated Host.
    let host: string | undefined;
    let authorization: string | undefined;
    let apiKey: string | undefined;
    let cacheControl: string | undefined;
    let requestIdHeader: string | undefined;
    let pragma: string | undefined;
    for (let i = 0; i < raw.length; i += 2) {
      const length = raw[i]!.length;
      if (length !== 4 && length !== 6 && length !== 9 && length !== 12 && length !== 13) continue;
      const value = raw[i + 1];
      switch (headerName(raw[i]!)) {
        case 'host':
          if (host !== undefined) return undefined;
          host = value;
          break;
        case 'authorization':
          if (authorization !== undefined) return undefined;
          authorization = value;
          break;
        case 'cache-control':
          if (cacheControl !== undefined) return undefined;
          cacheControl = value;
          break;
        case 'x-api-key':
          if (apiKey !== undefined) return undefined;
          apiKey = value;
          break;
        case 'x-request-id':
          if (requestIdHeader !== undefined) return undefined;
          requestIdHeader = value;
          break;
        case 'pragma':
          if (pragma !== undefined) return undefined;
          pragma = value;
          break;
      }
    }

    // No Host at all is for the app: refused on HTTP/1.1 (RFC 9112 §3.2), read against the
    // server's own name on HTTP/1.0. A connection sends the same Host every time: checked
    // once per connection and value.
    if (host === undefined) return undefined;
    if (remembered?.host !== host) {
      if (!validHost(host)) return undefined;
      if (remembered) remembered.host = host;
    }
    const hash = hashOf(authorization, apiKey, remembered);
    if (hash === undefined) return undefined;
    const now = deps.clock();
    const auth = authorize(deps.keys.current().get(hash), route.op.scope, now);
    if (!auth.ok) return undefined;
    if (known === undefined) remember(url, route);
    if (remembered && url.length <= ROUTE_URL_MAX) {
      remembered.url = url;
      remembered.route = route;
    }
    const { key } = auth;

    // As in the app, the rate limit before any cache lookup. A refusal goes to the app (429),
    // having taken nothing.
    const limit = key.limit ?? deps.defaultLimit;
    let rate: RateDecision | undefined;
    if (limit && limiter) {
      rate = limiter.consumeIfAllowed?.(key.hash, limit);
      if (!rate) return undefined;
    }
    // Server-Timing's auth includes the in-process limiter: well under its 0.01 ms, and one
    // clock reading fewer.
    const authed = perf.now();

    const bypass = requestBypass(cacheControl, pragma);
    const policy = deps.policies[route.op.cache!];
    const fresh = cache && !bypass ? cache.peekFresh(route.key, policy, now) : undefined;
    const hit = fresh?.status === 200 && fresh.body !== '' ? fresh : undefined;
    const looked = perf.now();

    const requestId = requestIdFor(requestIdHeader);
    const requestIdGenerated = requestId !== requestIdHeader;
    if (hit && cache) {
      const wire = wireOf(hit);
      const template = rate ? RATED_HIT_HEADERS : HIT_HEADERS;
      const headers = template.slice();
      headers[ID_AT] = requestId;
      headers[AGE_AT] = String(Math.max(0, Math.floor((now - hit.storedAt) / 1000)));
      // Server-Timing as serverTiming() writes it, without building the timings object.
      headers[TIMING_AT] =
        `auth;dur=${formatMs(authed - started)}, cache;dur=${formatMs(looked - authed)}`;
      if (rate) setRateLimitHeaders(headers, LIMIT_AT, rate);
      // Both templates end with Content-Type and Content-Length.
      headers[headers.length - 3] = wire.type;
      headers[headers.length - 1] = wire.length;
      const checked = (rate ? RATED_HIT_CHECKED : HIT_CHECKED) + (wire.typeChecked ? 1 : 0);
      cache.countHit();
      route.served.n++;
      // The answer is complete but for copying: its time is the lookup's end.
      logRequest(logger, {
        requestId,
        requestIdGenerated,
        method: 'GET',
        route: route.op.id,
        status: 200,
        cache: 'HIT',
        upstreamMs: undefined,
        ms: looked - started,
        caller: key.name,
      });
      return {
        status: 200,
        headers,
        body: wire.body,
        checked,
        rendered: HIT_RENDERED,
        ascii: wire.ascii,
      };
    }

    const trace: Trace = {
      requestId,
      requestIdGenerated,
      route: route.op.id,
      caller: key.name,
      started,
      rate,
    };
    const timings: Frame['timings'] = { auth: authed - started };
    const request = {
      op: route.op,
      key: route.key,
      path: route.path,
      requestId,
      bypass,
      timings,
      // A background refresh runs on its own on Node; the cache catches its failure.
      defer: () => {},
    };
    return readThrough(request, deps).then(
      ({ reply, cacheResult, upstreamMs }) => {
        log(trace, reply.status, cacheResult, upstreamMs);
        return answer(reply.status, ...replyHeaders(trace, reply, timings), reply.body);
      },
      (error: unknown) => {
        // As the app's onError: one error line, and a 500 that names the request id.
        const reply = internalErrorReply(error, requestId, logger);
        log(trace, 500);
        return answer(500, ...replyHeaders(trace, reply, timings), reply.body);
      },
    );
  };
}
