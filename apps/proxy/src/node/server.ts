import { createServer, IncomingMessage, ServerResponse, STATUS_CODES } from 'node:http';
import { type AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import type { ErrorIssue } from '@amberkit/core/schemas';
import { getRequestListener } from '@hono/node-server';
import type { CacheStore } from '../cache/cache-store.js';
import { createMemoryStore } from '../cache/memory-store.js';
import { ConfigError } from '../config/config-error.js';
import type { ProxyConfig } from '../config/load-config.js';
import { type AmberkitProxy, createProxy } from '../create-proxy.js';
import { createKeyRing } from '../keys/key-ring.js';
import { logRequest } from '../observability/access-log.js';
import { requestIdFor, SECURITY_HEADERS } from '../observability/frame.js';
import { createLogger, type Logger } from '../observability/logger.js';
import { createFixedWindowLimiter } from '../rate-limit/fixed-window.js';
import { type FastAnswer, type FastRead, renderLines, validHost } from '../routes/fast-read.js';
import { errorReply, internalErrorReply, type Reply } from '../routes/reply.js';
import { createBatchedWriter } from './batched-writer.js';
import { REDIS_TIMEOUT_MS, withDeadline } from './deadline.js';
import { createFlexibleLimiter } from './flexible-limiter.js';
import { createFileKeySource } from './keys-file.js';
import { nodeHashKey } from './node-hash.js';
import { hasNodeParser, parserTransport } from './parser-transport.js';
import { connectRedis } from './redis-client.js';
import { createRedisStore } from './redis-store.js';
import { undiciTransport } from './undici-transport.js';

/** A running Node proxy. */
export type ProxyServer = {
  readonly url: string;
  readonly port: number;
  readonly proxy: AmberkitProxy;
  readonly logger: Logger;
  /** Re-reads the keys file (SIGHUP); resolves with the number of keys, rejects on a bad file. */
  reloadKeys(): Promise<number>;
  /** Stops accepting, lets requests in flight finish (up to the drain timeout), closes Redis. */
  close(): Promise<void>;
};

const NO_KEYS = 'no caller keys: every request will get 401';

/** A refused request's id (the caller's, if well-formed) and answer. */
type Refusal = { readonly requestId: string; readonly reply: Reply };

/**
 * Which part of a request @hono/node-server could not read: its Host or its target. A request
 * without Host gets here only on HTTP/1.0, read against the server's own name, so there the
 * target is at fault.
 */
function requestProblem(req: IncomingMessage): ErrorIssue {
  const target = req.url ?? '';
  const host = req.headers.host;
  // Only an origin-form target (`/path`) is resolved against Host; an absolute one is not.
  if (target.startsWith('/') && host !== undefined && !validHost(host))
    return { path: 'Host', message: `not a valid host: ${JSON.stringify(host)}` };
  return { path: 'url', message: `not a valid request target: ${JSON.stringify(target)}` };
}

/**
 * The answer to a request the app cannot take — @hono/node-server could not build a Web
 * `Request` from it (an invalid Host, a backslash in the path, a bad absolute URL), or its
 * Host is repeated or, on HTTP/1.1, missing (RFC 9112 §3.2) — as a 400 `ErrorResponse` naming
 * what is wrong instead of a bare 400 with no body; anything else that escapes the app is a 500
 * with the request id. Counted and logged as the app's answers are.
 */
function refuse(
  problem: ErrorIssue | { readonly error: unknown },
  req: IncomingMessage | undefined,
  proxy: AmberkitProxy,
  logger: Logger,
  status = 400,
): Refusal {
  const presented = req?.headers['x-request-id'];
  const requestId = requestIdFor(typeof presented === 'string' ? presented : undefined);
  let reply: Reply;
  if ('path' in problem) {
    reply = errorReply(
      requestId,
      status,
      'VALIDATION_FAILED',
      `Malformed request: ${problem.message}`,
      {
        issues: [problem],
      },
    );
  } else {
    reply = internalErrorReply(problem.error, requestId, logger);
  }
  // Known when the request itself was refused; a failure later in the app (which answers its
  // own errors, so this is a last resort) comes without it.
  const method = req?.method ?? 'UNKNOWN';
  proxy.metrics.request('unmatched', method, reply.status);
  logRequest(logger, {
    requestId,
    method,
    route: 'unmatched',
    status: reply.status,
    cache: undefined,
    upstreamMs: undefined,
    ms: 0,
    caller: undefined,
  });
  return { requestId, reply };
}

/**
 * What Node's parser refused, as the status and issue to answer with: headers over Node's
 * `--max-http-header-size` (431, RFC 6585), a request that did not arrive in time (408), or
 * anything else the parser cannot read — a bare CR in a header, a bad method or version (400).
 */
function clientProblem(error: NodeJS.ErrnoException): [number, ErrorIssue] {
  switch (error.code) {
    case 'HPE_HEADER_OVERFLOW':
      return [
        431,
        {
          path: 'headers',
          message: 'the request line and headers are larger than the server allows',
        },
      ];
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return [408, { path: '(request)', message: 'the request did not arrive in time' }];
    default:
      return [
        400,
        {
          path: '(request)',
          message: `not a valid HTTP/1.1 request (${error.code ?? 'parse error'})`,
        },
      ];
  }
}

type Outgoing = {
  readonly req?: IncomingMessage;
  readonly headersSent: boolean;
  once(event: 'close', listener: () => void): unknown;
};

/** The response Node is writing on the connection now (earlier ones are done, later queued). */
const currentResponse = (socket: Duplex): Outgoing | undefined =>
  (socket as { _httpMessage?: Outgoing | null })._httpMessage ?? undefined;

/** The request whose head or body Node's parser is still reading on the connection, if any. */
const requestBeingRead = (socket: Duplex): IncomingMessage | undefined =>
  (socket as { parser?: { incoming?: IncomingMessage | null } | null }).parser?.incoming ??
  undefined;

/**
 * Runs `then` once the connection has no response in progress, or (`until`) once the one in
 * progress is that request's: answers to earlier requests on it (pipelined, or still waiting on
 * upstream) go out first, each in its turn — Node hands the socket to the next queued response
 * when one finishes.
 */
function afterResponses(socket: Duplex, then: () => void, until?: IncomingMessage): void {
  const current = currentResponse(socket);
  if (!current || (until !== undefined && current.req === until)) {
    then();
    return;
  }
  current.once('close', () => setImmediate(() => afterResponses(socket, then, until)));
}

/**
 * Answers a request Node's HTTP parser refused (its `clientError` event), which never reaches
 * a request handler, with the proxy's contract — an `ErrorResponse`, a request id, the
 * security headers, a log line and a metric — instead of Node's bare `400 Bad Request`, and
 * closes the connection (the parser cannot read on). Earlier requests on the connection are
 * answered first (a refusal written now would read as their answer, and a write that went
 * through would look refused). A socket already reset is only destroyed.
 */
function answerClientError(
  error: NodeJS.ErrnoException,
  socket: Duplex,
  proxy: AmberkitProxy,
  logger: Logger,
): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  // A request whose body stopped arriving has a response waiting for that body, which would
  // never finish: the 408 is written in its place once the answers to earlier requests on the
  // connection are out (now, if there are none), as Node's own handler does, and the
  // connection dropped. That request's handler then sees its client gone (see create-proxy).
  const stalled = error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? requestBeingRead(socket) : undefined;
  afterResponses(
    socket,
    () => {
      const current = currentResponse(socket);
      // Ours: no answer in progress, or the stalled request's (one already answered is left).
      const ours = stalled === undefined ? current === undefined : current?.req === stalled;
      if (socket.writable && ours && !current?.headersSent)
        writeRefusal(error, socket, proxy, logger, stalled);
      else socket.destroy();
    },
    stalled,
  );
}

function writeRefusal(
  error: NodeJS.ErrnoException,
  socket: Duplex,
  proxy: AmberkitProxy,
  logger: Logger,
  req?: IncomingMessage,
): void {
  const [status, issue] = clientProblem(error);
  // The timed-out request's method and id (the caller's X-Request-Id) when its head was read.
  const refusal = refuse(issue, req, proxy, logger, status);
  const body = refusal.reply.body ?? '';
  const headers: Record<string, string> = {
    ...refusalHeaders(refusal),
    date: new Date().toUTCString(),
    'content-length': String(Buffer.byteLength(body)),
    connection: 'close',
  };
  let head = `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n`;
  for (const name in headers) head += `${name}: ${headers[name]}\r\n`;
  // After a timeout, destroyed once written (as Node does): a caller that stopped sending
  // would otherwise hold the connection half-open.
  const timedOut = error.code === 'ERR_HTTP_REQUEST_TIMEOUT';
  socket.end(`${head}\r\n${body}`, timedOut ? () => socket.destroy() : undefined);
}

/** A refusal's headers: the security set, the request id, the reply's own. */
const refusalHeaders = ({ requestId, reply }: Refusal): Record<string, string> => ({
  ...SECURITY_HEADERS,
  'x-request-id': requestId,
  ...reply.headers,
});

/**
 * What RFC 9112 §3.2 refuses about Host and Node lets through: Host sent more than once (Node
 * keeps the first), or none on HTTP/1.1 (the server turns off Node's own check, whose 400 has
 * no body, so the answer can name the header).
 */
function hostProblem(req: IncomingMessage): ErrorIssue | undefined {
  const raw = req.rawHeaders;
  let seen = 0;
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i]!;
    if (name.length === 4 && name.toLowerCase() === 'host') seen++;
  }
  if (seen > 1) return { path: 'Host', message: 'the Host header is sent more than once' };
  if (seen === 0 && req.httpVersionMajor === 1 && req.httpVersionMinor >= 1)
    return { path: 'Host', message: 'the Host header is missing (HTTP/1.1 requires it)' };
  return undefined;
}

/**
 * Whether this Node keeps a response's head, once `writeHead` has built it, as the string
 * `_header` (`HTTP/1.1 200 OK\r\n…\r\n\r\n`) that it sends before the body (an internal
 * that Express and compression read too). Checked once, on a response that is never sent, so
 * a Node that changes it gets every header through `writeHead`.
 */
export function headKeptAsString(): boolean {
  try {
    const req = new IncomingMessage(new Socket());
    req.method = 'GET';
    req.httpVersionMajor = 1;
    req.httpVersionMinor = 1;
    const res = new ServerResponse(req);
    res.writeHead(200, ['content-length', '0']);
    const head = (res as unknown as { _header: unknown })._header;
    return (
      typeof head === 'string' &&
      head.startsWith('HTTP/1.1 200 OK\r\n') &&
      head.endsWith('\r\n\r\n') &&
      head.toLowerCase().includes('\r\ncontent-length: 0\r\n')
    );
  } catch {
    return false;
  }
}

/**
 * Writes a fast answer with its headers as a flat array (see {@link FastAnswer}); while the
 * server drains, with `Connection: close`, as the app's responses get.
 *
 * `writeHead` checks every header it is given with two regular expressions and compares its
 * name with the framing headers: for the dozen headers of a cache HIT, about a tenth of the
 * CPU the whole HIT costs. The pairs the fast path marks as valid by construction (constant
 * names, our own values) skip that: `writeHead` gets the rest — Content-Type when it could
 * not be checked, Content-Length, Connection — and builds the head with Date and keep-alive
 * as usual, and the checked pairs are written into that head before its final empty line.
 *
 * An ASCII body goes into that head too, and `end()` gets nothing: Node then writes the head
 * string alone, in one `write`. Given the body, `end()` corks the socket and queues it after
 * the head with an empty chunk behind, so every answer went through the stream's buffered
 * path and `writev` (callgrind: about 9k instructions of a HIT's 89k, 13k of a miss's 155k).
 * Node writes the head as Latin-1, the same bytes as UTF-8 only for ASCII; other bodies are
 * passed to `end()`.
 */
function writeFast(
  res: ServerResponse,
  answer: FastAnswer,
  draining: () => boolean,
  spliceHead: boolean,
): void {
  const { headers, checked } = answer;
  if (draining()) headers.push('connection', 'close');
  if (!spliceHead || checked === 0) {
    res.writeHead(answer.status, headers);
    res.end(answer.body);
    return;
  }
  const [done, constant] = answer.rendered;
  const lines = renderLines(headers, done, checked, constant);
  res.writeHead(answer.status, headers.slice(checked * 2));
  const out = res as unknown as { _header: string };
  const head = out._header;
  const { body } = answer;
  if (typeof body === 'string' && answer.ascii) {
    out._header = `${head.slice(0, -2)}${lines}\r\n${body}`;
    res.end();
    return;
  }
  out._header = `${head.slice(0, -2)}${lines}\r\n`;
  res.end(body);
}

/**
 * Offers the request to the fast path for cached GETs, which skips @hono/node-server's Web
 * `Request` and `Response`, Hono's router and the middleware chain: on Node those cost about as
 * much CPU as a whole cache HIT. Says whether it took the request (answered in this tick or
 * to be answered when the promise settles); false when the app must answer.
 */
function serveFast(
  fastRead: FastRead,
  req: IncomingMessage,
  res: ServerResponse,
  draining: () => boolean,
  spliceHead: boolean,
): boolean {
  const answer = fastRead(req.method ?? '', req.url ?? '', req.rawHeaders, req.socket);
  if (!answer) return false;
  // The fast path never reads a request's body (a GET has none that means anything). When
  // the response finishes, Node "dumps" a request nobody read: marks it dumped, so its parser
  // drops any body bytes still to come, and resumes the stream to drain what it buffered —
  // for a request without a body, a read of nothing and its end and close events through four
  // ticks (callgrind: 9k instructions of a HIT's 81k). Marked dumped from the start, a body is
  // dropped as it arrives and there is nothing to drain. The tests send a GET with a 1 MB
  // body and another request on the same connection. Such a request never emits end or close
  // (nothing on the fast path listens for them), and Node keeps it as the connection's last
  // request until the next one arrives or the connection closes: under 1 kB an idle
  // connection, which holds the caller's credential in the fast path's memory anyway.
  (req as unknown as { _dumped: boolean })._dumped = true;
  // The fast path turns every failure into a 500 itself; this is the last resort, for one
  // while writing (a header `writeHead` refuses).
  const lastResort = () => {
    if (!res.headersSent) res.writeHead(500);
    res.end();
  };
  const write = (ready: FastAnswer) => {
    try {
      writeFast(res, ready, draining, spliceHead);
    } catch {
      lastResort();
    }
  };
  if ('then' in answer) answer.then(write, lastResort);
  else write(answer);
  return true;
}

/**
 * Starts the proxy on Node with @hono/node-server, from a validated {@link ProxyConfig}: keys
 * from env or a file, the memory or Redis cache, rate-limit buckets (rate-limiter-flexible in
 * Redis with the Redis cache, an in-process fixed window otherwise), and the fast path for
 * cached GETs in front of the app.
 */
export async function startProxyServer(
  config: ProxyConfig,
  options: {
    logger?: Logger;
    /** false: every header of a fast answer through `writeHead` (default: where Node allows). */
    headLines?: boolean;
    /**
     * Node's `requestTimeout`: the longest a request's headers and body may take to arrive
     * (408 after). Default Node's (300 s; headers alone 60 s).
     */
    requestTimeoutMs?: number;
  } = {},
): Promise<ProxyServer> {
  const secrets = [
    config.upstream.apiKey,
    ...(config.cache.redisUrl ? [config.cache.redisUrl] : []),
  ];
  const batch = createBatchedWriter(process.stdout);
  const logger =
    options.logger ??
    createLogger({
      level: config.logLevel,
      secrets,
      write: batch.write,
      writeNow: (line) => {
        batch.write(line);
        batch.flush();
      },
    });
  const fileSource =
    'file' in config.keys ? await createFileKeySource(config.keys.file) : undefined;
  const keys = fileSource ?? createKeyRing('entries' in config.keys ? config.keys.entries : []);
  // Allowed (a proxy can be deployed before its first caller), but never silent.
  const warnIfNoKeys = (count: number): number => {
    if (count === 0) logger.warn(NO_KEYS);
    return count;
  };
  warnIfNoKeys('current' in keys ? keys.current().size : keys.size);
  const redis =
    config.cache.kind === 'redis' ? await connectRedis(config.cache.redisUrl!, logger) : undefined;
  const store: CacheStore | undefined =
    config.cache.kind === 'off'
      ? undefined
      : redis
        ? createRedisStore({ client: redis, prefix: config.cache.redisPrefix, logger })
        : createMemoryStore({
            maxEntries: config.cache.maxEntries,
            maxBytes: config.cache.maxBytes,
          });

  // Node's own parser where the runtime has it (Node does), else undici: see parser-transport.
  const http = hasNodeParser() ? parserTransport() : undiciTransport();
  const proxy = createProxy({
    upstream: config.upstream,
    keys,
    cache: {
      enabled: store !== undefined,
      ...(store ? { store } : {}),
      policies: config.cache.policies,
    },
    rateLimit: {
      default: config.rateLimit,
      // rate-limiter-flexible for buckets shared in Redis; in memory, the fixed window, which
      // answers synchronously so a cache HIT is served in the tick it arrived (fast path).
      limiter: redis
        ? createFlexibleLimiter({ redis, prefix: config.cache.redisPrefix })
        : createFixedWindowLimiter(),
    },
    bodyLimitBytes: config.bodyLimitBytes,
    corsOrigins: config.corsOrigins,
    corsMaxAgeSeconds: config.corsMaxAgeSeconds,
    logger,
    hashKey: nodeHashKey,
    transport: http.transport,
  });

  // Responses still to be written while draining say `Connection: close`, so keep-alive
  // callers move on and the server can finish without waiting out their idle timeout.
  let draining = false;
  const inFlight = new Set<ServerResponse>();
  // The request being handed to the app: @hono/node-server calls `errorHandler` in the same
  // tick when it cannot build the Web `Request`, so this is the request it refused.
  let handing: IncomingMessage | undefined;
  // The server's name in a URL: an IPv6 address in brackets.
  const urlHost = config.host.includes(':') ? `[${config.host}]` : config.host;
  const viaApp = getRequestListener(proxy.fetch, {
    // The name a request without Host (HTTP/1.0) is read against.
    hostname: urlHost,
    errorHandler: (error) => {
      // RequestError: the request could not be read (see requestProblem); else a last resort.
      const problem =
        handing && error instanceof Error && error.name === 'RequestError'
          ? requestProblem(handing)
          : { error };
      const refusal = refuse(problem, handing, proxy, logger);
      return new Response(refusal.reply.body, {
        status: refusal.reply.status,
        headers: refusalHeaders(refusal),
      });
    },
  });
  const fastRead = proxy.fastRead;
  const isDraining = () => draining;
  const spliceHead = options.headLines !== false && headKeptAsString();
  const requestTimeout = options.requestTimeoutMs;
  const timeouts =
    requestTimeout === undefined
      ? {}
      : {
          requestTimeout,
          headersTimeout: Math.min(60_000, requestTimeout),
          // How often Node looks for requests past their time (30 s by default).
          connectionsCheckingInterval: Math.max(50, Math.min(30_000, requestTimeout / 4)),
        };
  const server = createServer({ requireHostHeader: false, ...timeouts }, (req, res) => {
    // Fast answers are not tracked: they add `Connection: close` themselves when written
    // while draining, and the server's close waits for their connections anyway.
    if (!draining && fastRead && serveFast(fastRead, req, res, isDraining, spliceHead)) return;
    if (draining) res.setHeader('connection', 'close');
    inFlight.add(res);
    res.once('close', () => inFlight.delete(res));
    const badHost = hostProblem(req);
    if (badHost) {
      const refusal = refuse(badHost, req, proxy, logger);
      const body = refusal.reply.body ?? '';
      res
        .writeHead(refusal.reply.status, {
          ...refusalHeaders(refusal),
          'content-length': String(Buffer.byteLength(body)),
        })
        .end(body);
      return;
    }
    // Host names are case-insensitive, but @hono/node-server compares the parsed (lower-case)
    // name with the header as sent, and would refuse `Host: API.example.com:8443`.
    const host = req.headers.host;
    if (host !== undefined && host !== host.toLowerCase()) req.headers.host = host.toLowerCase();
    handing = req;
    void viaApp(req, res);
    handing = undefined;
  });
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) =>
    answerClientError(error, socket, proxy, logger),
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new ConfigError(
          `cannot listen on ${config.host}:${config.port} (${error.code ?? error.message})`,
          'env',
        ),
      ),
    );
    server.listen(config.port, config.host, () => resolve());
  }).catch(async (error) => {
    redis?.destroy();
    throw error;
  });
  const { port } = server.address() as AddressInfo;
  // However the process ends (an uncaught error too), the lines still pending are handed to
  // stdout: a file takes them at once, a pipe as much as it has room for (the CLI waits for a
  // full pipe to drain before it exits).
  process.once('exit', batch.flush);

  let closing: Promise<void> | undefined;
  return {
    url: `http://${urlHost}:${port}`,
    port,
    proxy,
    logger,
    reloadKeys: () =>
      fileSource
        ? fileSource.reload().then(warnIfNoKeys)
        : Promise.reject(new Error('keys come from AMBERKIT_KEYS; there is no file to reload')),
    close() {
      closing ??= (async () => {
        draining = true;
        for (const res of inFlight) if (!res.headersSent) res.setHeader('connection', 'close');
        const drained = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        const timer = setTimeout(() => {
          logger.warn('drain timeout reached; closing remaining connections', {
            drainMs: config.drainMs,
          });
          server.closeAllConnections();
        }, config.drainMs);
        await drained;
        clearTimeout(timer);
        try {
          await proxy.close();
          http.close();
          // QUIT waits behind every command already sent, and a hung Redis would hold the
          // process past any stop timeout; a PING answered in time shows those are done.
          const answers =
            redis?.isReady === true &&
            (await withDeadline(redis.ping(), REDIS_TIMEOUT_MS * 2).then(
              () => true,
              () => false,
            ));
          if (redis && answers) {
            await redis.quit();
            logger.info('redis closed');
          } else if (redis) {
            // QUIT would wait for an answer that may never come.
            const ready = redis.isReady;
            redis.destroy();
            logger.warn(
              ready
                ? 'redis did not answer at shutdown; connection dropped'
                : 'redis was not connected at shutdown; connection dropped',
            );
          }
        } finally {
          // Lines after this (an answer cut by the drain timeout, "stopped") go out at once.
          batch.end();
          process.off('exit', batch.flush);
        }
      })();
      return closing;
    },
  };
}
