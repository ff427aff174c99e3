import { UpstreamServerError, UpstreamUnavailableError } from './errors.js';
import { createResilience, type ResilienceOptions } from './resilience.js';
import { fetchTransport, type TransportResponse, type UpstreamTransport } from './transport.js';

export type UpstreamOptions = ResilienceOptions & {
  /** Amberflo (or emulator) origin, e.g. https://app.amberflo.io */
  readonly baseUrl: string;
  /** The proxy's own Amberflo key; sent as X-API-KEY and nowhere else. */
  readonly apiKey: string;
  /** Per attempt. Default 10 s. */
  readonly timeoutMs?: number;
  readonly fetch?: (request: Request) => Promise<Response>;
  /** How requests travel; default `hono/proxy` over `fetch`. The Node server passes node:http. */
  readonly transport?: UpstreamTransport;
  /** Called after every attempt that got an answer, for the latency histogram. */
  readonly onAttempt?: (ms: number, status: number) => void;
};

export type UpstreamRequest = {
  readonly method: string;
  /** Path and query, already encoded. */
  readonly path: string;
  readonly body?: string;
  readonly requestId: string;
};

/** An upstream answer with its body read (the API's bodies are small JSON documents). */
export type UpstreamResponse = {
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
  /** Upstream's `Retry-After`, passed on to the caller with a 429 or 503. */
  readonly retryAfter?: string | undefined;
};

export type UpstreamClient = {
  send(request: UpstreamRequest): Promise<UpstreamResponse>;
  breakerState(): 'closed' | 'open' | 'half-open';
};

const IDEMPOTENT = new Set(['GET', 'HEAD', 'PUT', 'DELETE']);

/**
 * Whether a 2xx body is JSON: `application/json` or a `+json` type, or no Content-Type at all
 * and a body that parses. Anything else (`text/html` from a captive portal or a WAF) must not
 * reach a caller, nor the cache, as the API's answer.
 */
function isJson(response: TransportResponse): boolean {
  const type = response.contentType;
  if (type === '') {
    try {
      JSON.parse(response.body);
      return true;
    } catch {
      return false;
    }
  }
  // What Amberflo and the emulator send, told without a copy: every miss passes here.
  if (type.startsWith('application/json') && (type.length === 16 || type[16] === ';')) return true;
  const end = type.indexOf(';');
  const media = (end < 0 ? type : type.slice(0, end)).trim().toLowerCase();
  return media === 'application/json' || media.endsWith('+json');
}

/**
 * Sends requests upstream through the transport, inside the breaker and (for idempotent
 * methods) the retry policy. Only the headers built here go upstream: the caller's
 * credentials and other headers never do.
 */
export function createUpstreamClient(options: UpstreamOptions): UpstreamClient {
  const base = options.baseUrl.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 10_000;
  const resilience = createResilience(options);
  const transport =
    options.transport ?? fetchTransport(options.fetch ?? ((request: Request) => fetch(request)));

  // Promise chains rather than async functions, here and in the resilience wrapper: each
  // async layer costs a miss another promise and a microtask turn.
  function attempt(request: UpstreamRequest): Promise<UpstreamResponse> {
    const headers: Record<string, string> = {
      accept: 'application/json',
      'x-api-key': options.apiKey,
      'x-request-id': request.requestId,
      'user-agent': 'amberkit-proxy',
    };
    if (request.body !== undefined) headers['content-type'] = 'application/json';
    const started = performance.now();
    return transport({
      method: request.method,
      url: base + request.path,
      headers,
      body: request.body,
      timeoutMs,
    }).then((response) => {
      options.onAttempt?.(performance.now() - started, response.status);
      if (response.status >= 500) throw new UpstreamServerError(response.status);
      if (response.status >= 300 && response.status < 400) {
        throw new UpstreamUnavailableError(
          `upstream answered a redirect (${response.status}), which the proxy never follows; check AMBERFLO_BASE_URL`,
          response.status,
          false,
        );
      }
      if (response.status < 300 && response.body !== '' && !isJson(response)) {
        throw new UpstreamUnavailableError(
          `upstream answered ${response.status} with ${response.contentType || 'a body'} that is not JSON`,
          response.status,
          false,
        );
      }
      return response;
    });
  }

  return {
    send: (request) => resilience.run(IDEMPOTENT.has(request.method), () => attempt(request)),
    breakerState: () => resilience.state(),
  };
}
