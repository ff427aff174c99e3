import { proxy } from 'hono/proxy';
import { UpstreamTimeoutError, UpstreamUnavailableError } from './errors.js';

/** One upstream attempt as the transport sees it: absolute URL, the exact headers to send. */
export type TransportRequest = {
  readonly method: string;
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body: string | undefined;
  readonly timeoutMs: number;
};

/** The answer with its body read; the API's bodies are small JSON documents. */
export type TransportResponse = {
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
  /** Upstream's `Retry-After`, passed on to the caller with a 429 or 503. */
  readonly retryAfter?: string | undefined;
};

/**
 * Sends one request upstream. Throws {@link UpstreamTimeoutError} when `timeoutMs` passes and
 * {@link UpstreamUnavailableError} when the connection fails.
 */
export type UpstreamTransport = (request: TransportRequest) => Promise<TransportResponse>;

const isTimeout = (error: unknown) =>
  error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');

/**
 * The portable transport (Workers, Bun, Deno, Node): `hono/proxy` over `fetch`, which strips
 * hop-by-hop headers and decodes compressed bodies.
 */
export function fetchTransport(
  fetchFn: (request: Request) => Promise<Response>,
): UpstreamTransport {
  return async ({ method, url, headers, body, timeoutMs }) => {
    let response: Response;
    try {
      response = await proxy(url, {
        method,
        headers,
        body,
        signal: AbortSignal.timeout(timeoutMs),
        customFetch: fetchFn,
      });
    } catch (error) {
      if (isTimeout(error))
        throw new UpstreamTimeoutError(`upstream did not answer within ${timeoutMs} ms`);
      throw new UpstreamUnavailableError('upstream could not be reached');
    }
    try {
      return {
        status: response.status,
        contentType: response.headers.get('content-type') ?? '',
        retryAfter: response.headers.get('retry-after') ?? undefined,
        body: await response.text(),
      };
    } catch (error) {
      if (isTimeout(error))
        throw new UpstreamTimeoutError(`upstream body did not arrive within ${timeoutMs} ms`);
      throw new UpstreamUnavailableError('upstream connection failed while reading the body');
    }
  };
}
