import type * as z from 'zod/mini';
import { AmberfloError, type AmberfloErrorInit } from './errors.js';

/** The request body (or a path/query value) was invalid; nothing was sent. `status` is undefined. */
export class RequestValidationError extends AmberfloError {
  override name = 'RequestValidationError' as const;
}

/** 400: the server rejected the request. */
export class BadRequestError extends AmberfloError {
  override name = 'BadRequestError' as const;
}

/** 401: the API key is missing or wrong. */
export class UnauthorizedError extends AmberfloError {
  override name = 'UnauthorizedError' as const;
}

/** 403: the key may not do this. */
export class ForbiddenError extends AmberfloError {
  override name = 'ForbiddenError' as const;
}

/** 404, or the live API's `200 {}` for a missing customer. */
export class NotFoundError extends AmberfloError {
  override name = 'NotFoundError' as const;
}

/** 409, or 400 with code `CONFLICT` (a duplicate `customerId`). */
export class ConflictError extends AmberfloError {
  override name = 'ConflictError' as const;
}

/**
 * 429 after the retries ran out. `retryAfterMs` is what the server asked for, if it said
 * (`Retry-After`, else `RateLimit-Reset`; junk counts as not said), before `maxRetryAfterMs`.
 */
export class RateLimitError extends AmberfloError {
  override name = 'RateLimitError' as const;
  readonly retryAfterMs: number | undefined;

  constructor(init: AmberfloErrorInit & { retryAfterMs?: number | undefined }) {
    super(init);
    this.retryAfterMs = init.retryAfterMs;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), retryAfterMs: this.retryAfterMs };
  }
}

/**
 * 3xx: the client never follows a redirect, since that would send the API key (and a POST
 * body) wherever `Location` points. `location` is the header as sent (key masked), or
 * undefined where the runtime hides it (a browser's opaque redirect). Point `baseUrl` at the
 * final URL instead.
 */
export class RedirectError extends AmberfloError {
  override name = 'RedirectError' as const;
  readonly location: string | undefined;

  constructor(init: AmberfloErrorInit & { location?: string | undefined }) {
    super(init);
    this.location = init.location;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), location: this.location };
  }
}

/** 5xx after the retries ran out. */
export class ServerError extends AmberfloError {
  override name = 'ServerError' as const;
}

/** No response: DNS, refused or reset connection. */
export class ConnectionError extends AmberfloError {
  override name = 'ConnectionError' as const;
}

/** The client's `timeoutMs` deadline passed (it spans every attempt and backoff wait). */
export class TimeoutError extends AmberfloError {
  override name = 'TimeoutError' as const;
}

/** The caller's `AbortSignal` fired. */
export class AbortError extends AmberfloError {
  override name = 'AbortError' as const;
}

/** A 2xx body did not match the schema (`validateResponses: 'strict'`); `issues` hold zod paths. */
export class ResponseValidationError extends AmberfloError {
  override name = 'ResponseValidationError' as const;
  /** zod's own issues, with array paths such as `[0, 'address', 'city']`. */
  readonly zodIssues: readonly z.core.$ZodIssue[];

  constructor(init: AmberfloErrorInit & { zodIssues?: readonly z.core.$ZodIssue[] }) {
    super(init);
    this.zodIssues = init.zodIssues ?? [];
  }
}
