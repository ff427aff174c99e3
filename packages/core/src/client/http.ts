import ky, { type KyInstance } from 'ky';
import type * as z from 'zod/mini';
import { trackAttempts } from './attempts.js';
import { defaultHeaders, isEmpty, parseBody } from './body.js';
import { NotFoundError } from './error-classes.js';
import type { CallContext } from './error-from-response.js';
import type { Observer } from './observe.js';
import type { HttpMethod } from './options.js';
import { redactOptional } from './redact.js';
import type { AmberfloRetryOptions } from './retry.js';
import { toClientError } from './to-client-error.js';
import { type ValidationMode, validateResponse } from './validate.js';

export type HttpConfig = {
  apiKey: string;
  baseUrl: string;
  timeoutMs: number;
  retry: Required<AmberfloRetryOptions>;
  fetch: typeof fetch | undefined;
  headers: Record<string, string>;
  validateResponses: ValidationMode;
  observer: Observer;
};

/** One API call. `path` is already encoded (`/customers/a%2Fb`). */
export type Call<S extends z.ZodMiniType> = {
  method: HttpMethod;
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  response: S;
  /** The live API answers a missing customer with `200 {}`. */
  emptyIsNotFound?: boolean;
  signal?: AbortSignal | undefined;
};

export type Http = {
  context(method: HttpMethod, path: string): CallContext;
  send<S extends z.ZodMiniType>(call: Call<S>): Promise<z.output<S>>;
  sendVoid(call: Omit<Call<z.ZodMiniType>, 'response'>): Promise<void>;
};

/** The transport one client owns: its own ky instance, nothing shared between clients. */
export function createHttp(config: HttpConfig): Http {
  const secrets = [config.apiKey];
  const userFetch = config.fetch;
  const api: KyInstance = ky.create({
    prefixUrl: config.baseUrl,
    headers: defaultHeaders(config.apiKey, config.headers),
    // One deadline for the whole call (attempts + waits) comes from our own signal instead.
    timeout: false,
    // Following a redirect re-sends X-API-KEY (and a 307's body) to wherever Location points,
    // another origin included: a 3xx becomes a RedirectError instead. 'manual', not 'error':
    // Workers refuse 'error' when the Request is built, and on Node it is a bare TypeError
    // that ky would retry as a network failure, with the status and Location lost.
    redirect: 'manual',
    // ky 1 needs a fetch that returns a real Promise; wrapping makes any fetch-like safe.
    ...(userFetch ? { fetch: async (input, init) => userFetch(input, init) } : {}),
  });
  const context = (method: HttpMethod, path: string): CallContext => ({ method, path, secrets });

  async function exchange(call: Omit<Call<z.ZodMiniType>, 'response'>) {
    const ctx = context(call.method, call.path);
    const deadline = new AbortController();
    const failure = (attempts: number) => ({
      callerSignal: call.signal,
      deadline: deadline.signal,
      timeoutMs: config.timeoutMs,
      attempts,
    });
    if (call.signal?.aborted) throw await toClientError(call.signal.reason, ctx, failure(0));
    const timer = setTimeout(
      () => deadline.abort(new DOMException('deadline passed', 'TimeoutError')),
      config.timeoutMs,
    );
    const signal = call.signal ? AbortSignal.any([call.signal, deadline.signal]) : deadline.signal;
    const tracker = trackAttempts({
      method: call.method,
      path: call.path,
      retry: config.retry,
      observer: config.observer,
      signal,
      secrets,
      deadlineAt: Date.now() + config.timeoutMs,
    });
    try {
      const response = await api(call.path.slice(1), {
        method: call.method,
        ...(call.query ? { searchParams: call.query } : {}),
        ...(call.body === undefined ? {} : { json: call.body }),
        signal,
        retry: tracker.retry,
        hooks: tracker.hooks,
      });
      const text = await response.text();
      const requestId = redactOptional(response.headers.get('x-request-id') ?? undefined, secrets);
      return { ctx, status: response.status, requestId, text };
    } catch (error) {
      throw await toClientError(error, ctx, failure(tracker.attempts()));
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    context,
    async sendVoid(call) {
      await exchange(call);
    },
    async send(call) {
      const { ctx, status, requestId, text } = await exchange(call);
      const data = parseBody(text);
      if (call.emptyIsNotFound && isEmpty(data)) {
        throw new NotFoundError({
          message: `${ctx.method} ${ctx.path} failed with ${status} NOT_FOUND: empty body (the live API's answer for a missing record)`,
          code: 'NOT_FOUND',
          status,
          requestId,
          method: ctx.method,
          path: ctx.path,
        });
      }
      return validateResponse(
        call.response,
        data,
        { ...ctx, status, requestId },
        config.validateResponses,
        (issues) =>
          config.observer.validationWarning({ method: call.method, path: call.path, issues }),
      );
    },
  };
}
