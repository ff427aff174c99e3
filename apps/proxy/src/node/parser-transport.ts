import { createRequire } from 'node:module';
import { isIP, connect as netConnect, type Socket } from 'node:net';
import { type ConnectionOptions, connect as tlsConnect } from 'node:tls';
import { UpstreamTimeoutError, UpstreamUnavailableError } from '../upstream/errors.js';
import type { TransportRequest, TransportResponse } from '../upstream/transport.js';
import type { NodeTransport } from './http-transport.js';

/**
 * Node's own HTTP parser: the llhttp build that node:http runs on, in C++, as the legacy
 * `node:_http_common` module exports it. That module is undocumented, and Node has deprecated
 * the `node:_http_*` modules in its documentation (DEP0199, no warning at run time); so it is
 * loaded defensively and checked on a sample answer before use (see {@link loadParser}). It
 * hands JavaScript the whole head in one call, where undici's WebAssembly llhttp calls back
 * into JavaScript for every header name and value.
 */
type Parser = {
  initialize(type: number, resource: object, maxHeaderSize: number, lenient: number): void;
  consume(handle: object): void;
  unconsume(): void;
  execute(data: Buffer): number | Error;
  finish(): number | Error | undefined;
  close(): void;
  [callback: number]: unknown;
};
/** Largest head accepted from upstream (Node's default). */
const MAX_HEADER_BYTES = 16 * 1024;

type ParserClass = {
  new (): Parser;
  readonly prototype: Partial<Parser>;
  readonly RESPONSE: number;
  readonly kOnMessageBegin: number;
  readonly kOnHeaders: number;
  readonly kOnHeadersComplete: number;
  readonly kOnBody: number;
  readonly kOnMessageComplete: number;
  readonly kOnExecute: number;
};

/**
 * The parser, if this runtime has it and it behaves as this module expects: it must parse a
 * sample chunked answer (status, headers, body in pieces, trailers, end) into the callbacks
 * below. A later Node that drops or changes it makes this undefined, and the server falls
 * back to undici.
 */
function loadParser(): ParserClass | undefined {
  try {
    const { HTTPParser: Class } = createRequire(import.meta.url)('_http_common') as {
      HTTPParser?: ParserClass;
    };
    if (typeof Class !== 'function') return undefined;
    const parser = new Class();
    parser.initialize(Class.RESPONSE, {}, MAX_HEADER_BYTES, 0);
    const seen: unknown[] = [];
    parser[Class.kOnMessageBegin] = () => seen.push('begin');
    parser[Class.kOnHeaders] = (headers: string[]) => seen.push(...headers);
    parser[Class.kOnHeadersComplete] = (...args: unknown[]) => {
      seen.push(args[5], ...((args[2] as string[] | undefined) ?? []), args[8]);
      return 0;
    };
    parser[Class.kOnBody] = (chunk: Buffer) => seen.push(chunk.toString('latin1'));
    parser[Class.kOnMessageComplete] = () => seen.push('end');
    const parsed = parser.execute(
      Buffer.from(
        'HTTP/1.1 201 Created\r\nContent-Type: a/b\r\nTransfer-Encoding: chunked\r\n\r\n' +
          '2\r\nok\r\n0\r\nx-t: 1\r\n\r\n',
      ),
    );
    parser.close();
    const expected = ['begin', 201, 'Content-Type', 'a/b', 'Transfer-Encoding', 'chunked', true];
    return typeof parsed === 'number' &&
      JSON.stringify(seen) === JSON.stringify([...expected, 'ok', 'x-t', '1', 'end'])
      ? Class
      : undefined;
  } catch {
    return undefined;
  }
}

const HTTPParser = loadParser();
/** Whether the parser can read a socket's handle itself, as node:http's server has it do. */
const CAN_CONSUME =
  typeof HTTPParser?.prototype.consume === 'function' &&
  typeof HTTPParser.prototype.unconsume === 'function' &&
  typeof HTTPParser.kOnExecute === 'number';

/** Whether this runtime has Node's parser (Node does; Bun and Deno may not). */
export const hasNodeParser = (): boolean => HTTPParser !== undefined;

/** CR, LF or NUL: what would let a value end its header line or the head early. */
const LINE_BREAK = /[\r\n\0]/;
/** A control character, space or DEL: none belongs in a request target. */
const NOT_IN_TARGET = /[\0-\x20\x7f]/;
/** An HTTP token (RFC 9110 §5.6.2), for header names and methods. */
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** `Keep-Alive: timeout=N` (RFC 7230 appendix A.1.2), as servers send it. */
const KEEP_ALIVE_TIMEOUT = /timeout=(\d+)/i;
/** How long an idle connection is kept when the server gives no hint. */
const IDLE_MS = 4_000;
/** How often a pool with idle connections closes the ones past their time. */
const SWEEP_MS = 1_000;
/** Read once: on Node the global is a lazy getter, called on every access. */
const perf = globalThis.performance;
/**
 * An idle connection is not reused later than this before the server's own keep-alive
 * timeout, so a request rarely meets a connection the server is closing.
 */
const IDLE_MARGIN_MS = 1_000;

/**
 * The name of an answer header the transport reads (`content-type`, `retry-after`,
 * `keep-alive`), else ''. Their usual spellings are matched as they are; others of the same
 * length are lower-cased.
 */
function answerHeader(name: string): string {
  switch (name) {
    case 'content-type':
    case 'Content-Type':
      return 'content-type';
    case 'retry-after':
    case 'Retry-After':
      return 'retry-after';
    case 'keep-alive':
    case 'Keep-Alive':
      return 'keep-alive';
  }
  if (name.length < 10 || name.length > 12) return '';
  const lower = name.toLowerCase();
  return lower === 'content-type' || lower === 'retry-after' || lower === 'keep-alive' ? lower : '';
}

/** The last `Keep-Alive` value read and the idle time it gives: servers send the same one. */
let lastKeepAlive = '';
let lastIdleMs = IDLE_MS;
/** How long to keep a connection idle for a `Keep-Alive` value: the hint less a margin. */
function idleFor(value: string): number {
  if (value !== lastKeepAlive) {
    const hint = KEEP_ALIVE_TIMEOUT.exec(value);
    lastIdleMs = hint ? Math.min(IDLE_MS, Number(hint[1]) * 1000 - IDLE_MARGIN_MS) : IDLE_MS;
    lastKeepAlive = value;
  }
  return lastIdleMs;
}

/** One request to one origin, from dispatch until it settles. */
class Exchange {
  settled = false;
  connection: Connection | undefined = undefined;
  readonly timer: ReturnType<typeof setTimeout>;
  constructor(
    readonly head: string,
    readonly body: string | undefined,
    readonly skipBody: boolean,
    readonly timeoutMs: number,
    readonly resolve: (response: TransportResponse) => void,
    readonly reject: (error: Error) => void,
    readonly pool: OriginPool,
  ) {
    this.timer = setTimeout(Exchange.expire, timeoutMs, this);
  }
  static expire(this: void, self: Exchange): void {
    const answered = self.connection !== undefined && self.connection.status !== 0;
    self.fail(
      new UpstreamTimeoutError(
        answered
          ? `upstream body did not arrive within ${self.timeoutMs} ms`
          : `upstream did not answer within ${self.timeoutMs} ms`,
      ),
    );
  }
  /** Settles with `error`; a connection it was using cannot be reused and is closed. */
  fail(error: Error): void {
    if (this.settled) return;
    this.settled = true;
    clearTimeout(this.timer);
    const { connection } = this;
    if (connection) connection.destroy();
    else this.pool.unqueue(this);
    this.reject(error);
  }
  succeed(response: TransportResponse): void {
    if (this.settled) return;
    this.settled = true;
    clearTimeout(this.timer);
    this.resolve(response);
  }
}

/** One keep-alive connection to an origin and its parser; one exchange at a time. */
class Connection {
  readonly parser: Parser;
  exchange: Exchange | undefined = undefined;
  /** The status of the answer being read, interim (1xx) ones included. */
  head = 0;
  /** The final answer's status; 0 until its head arrives. */
  status = 0;
  /** The parser reads the socket's handle itself. */
  consumed = false;
  /** Header pairs that arrived before the head was complete, or trailers after a body. */
  early: string[] | undefined = undefined;
  /** The answer is complete and the connection may take the next request once `execute` returns. */
  reusable = false;
  contentType = '';
  retryAfter: string | undefined = undefined;
  keepAlive = false;
  chunks: Buffer[] = [];
  idleMs = IDLE_MS;
  /** When it last became idle (`performance.now()`). */
  idleSince = 0;
  closed = false;
  constructor(
    readonly socket: Socket,
    readonly pool: OriginPool,
  ) {
    const parser = new HTTPParser!();
    parser.initialize(HTTPParser!.RESPONSE, {}, MAX_HEADER_BYTES, 0);
    // An answer begins: bytes after the last one with no request waiting mean the connection
    // is out of step and is closed, whatever they hold.
    parser[HTTPParser!.kOnMessageBegin] = () => {
      this.early = undefined;
      if (!this.exchange) this.destroy();
    };
    // More than 32 header pairs arrive in pieces before the head is complete; trailers after a
    // chunked body arrive the same way, and are dropped when the next answer begins.
    parser[HTTPParser!.kOnHeaders] = (headers: string[]) => {
      this.early = this.early ? this.early.concat(headers) : headers;
    };
    parser[HTTPParser!.kOnHeadersComplete] = (
      _major: number,
      _minor: number,
      headers: string[] | undefined,
      _method: unknown,
      _url: unknown,
      status: number,
      _message: unknown,
      upgrade: boolean,
      keepAlive: boolean,
    ): number => {
      const { early } = this;
      this.early = undefined;
      const all = early ? (headers ? early.concat(headers) : early) : (headers ?? []);
      return this.onHead(status, all, upgrade, keepAlive);
    };
    // Node hands each piece of body over as its own copy.
    parser[HTTPParser!.kOnBody] = (chunk: Buffer) => {
      this.chunks.push(chunk);
    };
    parser[HTTPParser!.kOnMessageComplete] = () => this.onComplete();
    this.parser = parser;
    // The parser reads the socket itself, as node:http's server has its parser do (that one
    // waits for a TLS handshake first; consuming before it works, and the tests cover TLS):
    // one kOnExecute call per read replaces the 'data' event and its Buffer, the parser's
    // callbacks run as before, and the socket still reports its end and errors. In this mode
    // ticks and microtasks can run between those callbacks, before execute returns, so code
    // awaiting an answer may already send or close: see afterParse.
    const handle = (socket as unknown as { _handle?: { isStreamBase?: boolean } })._handle;
    if (pool.consume && handle?.isStreamBase) {
      parser.consume(handle);
      this.consumed = true;
      parser[HTTPParser!.kOnExecute] = (parsed: number | Error) => this.afterParse(parsed);
    } else socket.on('data', (data: Buffer) => this.onData(data));
    socket.setNoDelay(true);
    // The socket never keeps the process alive by itself: a request in flight does, through its
    // deadline's timer, and an idle connection does not (as with Node's own agents).
    socket.unref();
    socket.on('end', () => this.onEnd());
    socket.on('error', () => this.destroy());
    socket.on('close', () => {
      this.destroy();
      // Only now, never from inside one of its own callbacks (a destroy can start there).
      if (this.consumed) parser.unconsume();
      parser.close();
    });
  }

  send(exchange: Exchange): void {
    this.exchange = exchange;
    exchange.connection = this;
    this.head = 0;
    this.status = 0;
    this.socket.write(exchange.body === undefined ? exchange.head : exchange.head + exchange.body);
  }

  onHead(status: number, headers: string[], upgrade: boolean, keepAlive: boolean): number {
    const exchange = this.exchange;
    if (!exchange || upgrade) {
      // An answer nobody asked for, or a protocol switch we never request.
      this.destroy();
      return 0;
    }
    this.head = status;
    // An interim answer (100 Continue, 103 Early Hints): the final one follows on its own.
    if (status < 200) return 0;
    this.status = status;
    this.keepAlive = keepAlive;
    this.contentType = '';
    this.retryAfter = undefined;
    for (let i = 0; i < headers.length; i += 2) {
      switch (answerHeader(headers[i]!)) {
        case 'content-type':
          this.contentType = headers[i + 1]!;
          break;
        case 'retry-after':
          this.retryAfter = headers[i + 1]!;
          break;
        case 'keep-alive':
          this.idleMs = idleFor(headers[i + 1]!);
          break;
      }
    }
    // 1 tells the parser a HEAD's answer has no body, whatever its Content-Length says.
    return exchange.skipBody ? 1 : 0;
  }

  onComplete(): void {
    const exchange = this.exchange;
    if (!exchange) return;
    if (this.head < 200) {
      this.chunks = [];
      return;
    }
    const { chunks } = this;
    this.chunks = [];
    this.exchange = undefined;
    exchange.connection = undefined;
    exchange.succeed({
      status: this.status,
      contentType: this.contentType,
      retryAfter: this.retryAfter,
      body:
        chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks).toString('utf8'),
    });
    // Handed to the next request only once `execute` has returned: the parser is still reading
    // this chunk, and whatever follows the answer in it must not count as the next one's.
    if (this.keepAlive && this.idleMs > 0) this.reusable = true;
    else this.destroy();
  }

  onData(data: Buffer): void {
    this.afterParse(this.parser.execute(data));
  }

  /**
   * After a read is parsed: an error closes the connection; a complete answer hands it on. Only
   * here, never from the parser's callbacks (bytes after the answer are still being parsed,
   * and a caller may already have sent or closed meanwhile), and never once closed.
   */
  afterParse(parsed: number | Error): void {
    if (typeof parsed !== 'number') this.destroy();
    else if (this.reusable) {
      this.reusable = false;
      if (!this.closed) this.pool.release(this);
    }
  }

  /** The server closed its side: an answer read until the close ends here. */
  onEnd(): void {
    if (this.exchange && this.status !== 0) this.parser.finish();
    this.destroy();
  }

  /** Whether it has been idle too long to be trusted with another request. */
  stale(now: number): boolean {
    return now - this.idleSince >= this.idleMs;
  }

  /** Closes it; a request on it fails with `reason`, or as the connection's state says. */
  destroy(reason?: Error): void {
    if (this.closed) return;
    this.closed = true;
    this.socket.destroy();
    const exchange = this.exchange;
    this.exchange = undefined;
    this.pool.forget(this);
    if (exchange) {
      exchange.connection = undefined;
      exchange.fail(
        reason ??
          new UpstreamUnavailableError(
            this.status === 0
              ? 'upstream could not be reached'
              : 'upstream connection failed while reading the body',
          ),
      );
    }
  }
}

/** The connections to one origin: idle ones reused newest first, a queue past the limit. */
class OriginPool {
  readonly idle: Connection[] = [];
  readonly queue: Exchange[] = [];
  readonly open = new Set<Connection>();
  sweeper: ReturnType<typeof setTimeout> | undefined = undefined;
  constructor(
    /** `Host` as the URL gives it: the name (IPv6 in brackets) and a port that is not the default. */
    readonly hostHeader: string,
    readonly connectTo: () => Socket,
    readonly limit: number,
    /** The parser reads each socket's handle itself, where it can. */
    readonly consume: boolean,
  ) {}

  /** Sends on an idle connection, a new one within the limit, or queues. */
  dispatch(exchange: Exchange): void {
    const idle = this.takeIdle();
    if (idle) idle.send(exchange);
    else if (this.open.size < this.limit) this.connectFor(exchange);
    else this.queue.push(exchange);
  }

  /** A new connection for `exchange`; a socket that cannot even be created fails it. */
  connectFor(exchange: Exchange): void {
    let connection: Connection;
    try {
      connection = new Connection(this.connectTo(), this);
    } catch {
      exchange.fail(new UpstreamUnavailableError('upstream could not be reached'));
      return;
    }
    this.open.add(connection);
    connection.send(exchange);
  }

  /** The newest idle connection still within its time; older ones past it are closed. */
  takeIdle(): Connection | undefined {
    if (this.idle.length === 0) return undefined;
    const now = perf.now();
    for (let idle = this.idle.pop(); idle; idle = this.idle.pop()) {
      if (!idle.stale(now)) return idle;
      idle.destroy();
    }
    return undefined;
  }

  release(connection: Connection): void {
    const next = this.queue.shift();
    if (next) connection.send(next);
    else {
      // A time stamp, not a timer per request: one sweep a second closes what idles too long,
      // and takeIdle never hands out a connection past its time between sweeps.
      connection.idleSince = perf.now();
      this.idle.push(connection);
      this.sweeper ??= setTimeout(OriginPool.sweep, SWEEP_MS, this).unref();
    }
  }

  static sweep(this: void, pool: OriginPool): void {
    pool.sweeper = undefined;
    const now = perf.now();
    for (const idle of pool.idle.slice()) if (idle.stale(now)) idle.destroy();
    if (pool.idle.length > 0) pool.sweeper = setTimeout(OriginPool.sweep, SWEEP_MS, pool).unref();
  }

  forget(connection: Connection): void {
    this.open.delete(connection);
    const at = this.idle.indexOf(connection);
    if (at !== -1) this.idle.splice(at, 1);
    // A slot is free: the oldest waiting request gets a new connection (none wait once the
    // pool is closed: close() fails them before it closes the connections).
    const next = this.queue.shift();
    if (next) this.connectFor(next);
  }

  unqueue(exchange: Exchange): void {
    const at = this.queue.indexOf(exchange);
    if (at !== -1) this.queue.splice(at, 1);
  }

  /**
   * Fails what waits and what is in flight, and closes every connection. The transport sends
   * nothing to a pool after this.
   */
  close(): void {
    if (this.sweeper) clearTimeout(this.sweeper);
    const reason = new UpstreamUnavailableError('the proxy is shutting down');
    for (const exchange of this.queue.splice(0)) exchange.fail(reason);
    for (const connection of [...this.open]) connection.destroy(reason);
  }
}

/**
 * The server's transport: HTTP/1.1 over keep-alive connections (TLS for `https:`), parsed by
 * Node's own C++ llhttp — the parser node:http uses — with the pool kept here: one request per
 * connection at a time, idle connections reused newest first and never later than a second
 * before the server's `Keep-Alive: timeout` (nor after 4 s), at most `connections` per origin
 * and a queue beyond. A request is written in one piece from headers the upstream client
 * built (the caller's never reach it), with `identity` encoding asked for, so there is
 * nothing to strip or decode. `timeoutMs` bounds the whole exchange, from dispatch (a wait in the queue
 * included) to the last byte of the body. A connection that fails, times out or answers
 * something it cannot parse is closed, never reused.
 */
export function parserTransport(
  options: {
    /** Most connections per origin; requests past it wait their turn. Default 128. */
    connections?: number;
    /** For `https:` origins: extra TLS options, such as `ca` for a private certificate authority. */
    tls?: Pick<ConnectionOptions, 'ca' | 'rejectUnauthorized'>;
    /**
     * false: answers reach the parser through the socket's `data` events instead of the parser
     * reading the socket itself (the default where the parser can).
     */
    consume?: boolean;
  } = {},
): NodeTransport {
  if (!HTTPParser) throw new Error("this runtime has no node:http parser ('_http_common')");
  const consume = options.consume !== false && CAN_CONSUME;
  const pools = new Map<string, OriginPool>();
  const limit = options.connections ?? 128;
  let closed = false;
  const poolFor = (origin: string): OriginPool => {
    let pool = pools.get(origin);
    if (!pool) {
      const url = new URL(origin);
      const secure = url.protocol === 'https:';
      if (!secure && url.protocol !== 'http:')
        throw new TypeError(`upstream must be http: or https:, not ${url.protocol}`);
      const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
      const port = Number(url.port) || (secure ? 443 : 80);
      const connectTo = secure
        ? () =>
            tlsConnect({
              ...options.tls,
              host,
              port,
              ...(isIP(host) ? {} : { servername: host }),
              ALPNProtocols: ['http/1.1'],
            })
        : () => netConnect({ host, port });
      pool = new OriginPool(url.host, connectTo, limit, consume);
      pools.set(origin, pool);
    }
    return pool;
  };
  /**
   * Tokens (methods, header names) already found valid, so the few the client sends every time
   * are checked once. Bounded; tokens past the bound are checked every time.
   */
  const tokens = new Set<string>();
  const isToken = (text: string): boolean => {
    if (tokens.has(text)) return true;
    if (!TOKEN.test(text)) return false;
    if (tokens.size < 64) tokens.add(text);
    return true;
  };
  // Requests go to one origin: its pool is found by comparing the URL's start with the last.
  let lastOrigin = '';
  let lastPool: OriginPool | undefined;

  return {
    transport: ({ method, url, headers, body, timeoutMs }: TransportRequest) =>
      new Promise<TransportResponse>((resolve, reject) => {
        let pool = lastPool;
        let path: string;
        let head: string;
        try {
          if (closed) throw new UpstreamUnavailableError('the proxy is shutting down');
          if (pool && url.startsWith(lastOrigin) && url.startsWith('/', lastOrigin.length)) {
            path = url.slice(lastOrigin.length);
          } else {
            const pathStart = url.indexOf('/', url.indexOf('//') + 2);
            const origin = pathStart === -1 ? url : url.slice(0, pathStart);
            path = pathStart === -1 ? '/' : url.slice(pathStart);
            pool = poolFor(origin);
            lastOrigin = origin;
            lastPool = pool;
          }
          if (!isToken(method) || NOT_IN_TARGET.test(path))
            throw new TypeError('invalid upstream request line');
          head = `${method} ${path} HTTP/1.1\r\nhost: ${pool.hostHeader}\r\naccept-encoding: identity\r\n`;
          for (const name in headers) {
            const value = headers[name]!;
            if (!isToken(name))
              throw new TypeError(`invalid upstream request header name ${JSON.stringify(name)}`);
            if (LINE_BREAK.test(value))
              throw new TypeError(`invalid value for upstream request header ${name}`);
            head += `${name}: ${value}\r\n`;
          }
          if (body !== undefined) head += `content-length: ${Buffer.byteLength(body)}\r\n`;
          head += '\r\n';
        } catch (error) {
          reject(error);
          return;
        }
        pool.dispatch(
          new Exchange(head, body, method === 'HEAD', timeoutMs, resolve, reject, pool),
        );
      }),
    close() {
      closed = true;
      lastPool = undefined;
      for (const pool of pools.values()) pool.close();
      pools.clear();
    },
  };
}
