import type { ErrorIssue } from '../schemas/index.js';
import type { AmberfloRetryOptions } from './retry.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** Passed to `onRequest` before each attempt. Headers are redacted (`x-api-key: ***`). */
export type AmberfloRequestEvent = {
  method: HttpMethod;
  path: string;
  url: string;
  /** 1 for the first try, 2 for the first retry … */
  attempt: number;
  headers: Record<string, string>;
};

/** Passed to `onResponse` when an attempt got a response (any status). */
export type AmberfloResponseEvent = Omit<AmberfloRequestEvent, 'headers'> & {
  status: number;
  /** Time of this attempt, from sending to the response headers. */
  durationMs: number;
  requestId: string | undefined;
};

/** Passed to `onRetry` after the backoff wait, just before the next attempt. */
export type AmberfloRetryEvent = Omit<AmberfloRequestEvent, 'headers'> & {
  /** How long the client waited before this retry. */
  delayMs: number;
  /** Status of the failed attempt, or undefined for a network error. */
  status: number | undefined;
  /** Why: `HTTP 503` or the network error's message. */
  reason: string;
};

/** Passed to `onValidationWarning` when `validateResponses: 'warn'` finds a mismatch. */
export type AmberfloValidationWarningEvent = {
  method: HttpMethod;
  path: string;
  issues: ErrorIssue[];
};

/** Observability hooks. A hook that throws is ignored: it never breaks a request. */
export type AmberfloHooks = {
  onRequest?: (event: AmberfloRequestEvent) => void;
  onResponse?: (event: AmberfloResponseEvent) => void;
  onRetry?: (event: AmberfloRetryEvent) => void;
  onValidationWarning?: (event: AmberfloValidationWarningEvent) => void;
};

/** Any logger with these methods (console, or an adapter to pino and friends). */
export type AmberfloLogger = {
  debug?: (message: string, data?: Record<string, unknown>) => void;
  info?: (message: string, data?: Record<string, unknown>) => void;
  warn?: (message: string, data?: Record<string, unknown>) => void;
};

/** Options of {@link createAmberfloClient}. */
export type AmberfloClientOptions = {
  /** Sent as `X-API-KEY`; never logged, never in an error. */
  apiKey: string;
  /** Default `https://app.amberflo.io`. A path prefix (a proxy mount) is kept. */
  baseUrl?: string;
  /** Deadline for a whole call, across every attempt and backoff wait. Default 30 000. */
  timeoutMs?: number;
  /** Retry policy for GET/PUT/DELETE, or `false` for none. */
  retry?: false | AmberfloRetryOptions;
  /** A fetch implementation (an in-process app, a test double). Default `globalThis.fetch`. */
  fetch?: typeof fetch;
  /** Extra headers on every request. */
  headers?: Record<string, string>;
  /** What to do when a 2xx body does not match the schema. Default `'strict'` (throw). */
  validateResponses?: 'strict' | 'warn' | 'off';
  hooks?: AmberfloHooks;
  /** Receives request/response/retry lines (debug/info) and validation warnings (warn). */
  logger?: AmberfloLogger;
};

/** Per-call options. */
export type RequestOptions = { signal?: AbortSignal };
