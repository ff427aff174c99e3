import type { ErrorIssue } from '../schemas/index.js';

const BRAND = Symbol.for('@amberkit/core/AmberfloError');

/** Everything an {@link AmberfloError} carries besides its class. */
export type AmberfloErrorInit = {
  message: string;
  code: string;
  method: string;
  path: string;
  status?: number | undefined;
  requestId?: string | undefined;
  issues?: ErrorIssue[] | undefined;
  cause?: unknown;
};

/**
 * Base class of every error the client throws. Holds no request headers, so printing or
 * serialising it can never reveal the API key.
 *
 * @example
 * ```ts
 * try {
 *   await client.customers.get('customer-123456');
 * } catch (error) {
 *   if (error instanceof NotFoundError) return undefined;
 *   if (isAmberfloError(error)) console.error(error.code, error.requestId);
 *   throw error;
 * }
 * ```
 */
export class AmberfloError extends Error {
  override name: string = 'AmberfloError';
  /** HTTP status, when a response was received. */
  readonly status: number | undefined;
  /** Stable code: the body's `code`, or one derived from the status or failure. */
  readonly code: string;
  /** From the `x-request-id` header or the body's `requestId`, for support. */
  readonly requestId: string | undefined;
  readonly method: string;
  /** API path, such as `/customers/customer-123456` (without the base URL). */
  readonly path: string;
  /** Field-level problems, such as `[{ path: 'address.city', message }]`. */
  readonly issues: ErrorIssue[] | undefined;

  constructor(init: AmberfloErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.status = init.status;
    this.code = init.code;
    this.requestId = init.requestId;
    this.method = init.method;
    this.path = init.path;
    this.issues = init.issues;
    Object.defineProperty(this, BRAND, { value: true });
  }

  /** What `JSON.stringify` shows: the public fields, never a stack or a request. */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      message: this.message,
      status: this.status,
      code: this.code,
      requestId: this.requestId,
      method: this.method,
      path: this.path,
      issues: this.issues,
    };
  }
}

/**
 * True for any error thrown by an amberkit client, even across two copies of the package
 * (a bundled one and a workspace one), where `instanceof` would fail.
 *
 * @example
 * ```ts
 * const customers = await client.customers.list().catch((error: unknown) => {
 *   if (isAmberfloError(error) && error.status === 401) throw new Error('check AMBERFLO_API_KEY');
 *   throw error;
 * });
 * ```
 */
export function isAmberfloError(error: unknown): error is AmberfloError {
  return typeof error === 'object' && error !== null && BRAND in error;
}
