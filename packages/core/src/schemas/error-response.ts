import * as z from 'zod/mini';
import { doc } from './doc.js';

/** Stable error codes shared by the emulator, the proxy and the client. */
export const ERROR_CODES = [
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'VALIDATION_FAILED',
  'CONFLICT',
  'RATE_LIMITED',
  'PAYLOAD_TOO_LARGE',
  'METHOD_NOT_ALLOWED',
  'UPSTREAM_AUTH',
  'UPSTREAM_UNAVAILABLE',
  'UPSTREAM_TIMEOUT',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

const CODE_BY_STATUS: Readonly<Record<number, ErrorCode>> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  429: 'RATE_LIMITED',
  502: 'UPSTREAM_UNAVAILABLE',
  503: 'UPSTREAM_UNAVAILABLE',
  504: 'UPSTREAM_TIMEOUT',
};

/**
 * The stable code for an HTTP status when a body does not name one: the table above, then
 * `INTERNAL` for other 5xx and `VALIDATION_FAILED` for other 4xx (422 and friends).
 */
export function errorCodeForStatus(status: number): ErrorCode {
  return CODE_BY_STATUS[status] ?? (status >= 500 ? 'INTERNAL' : 'VALIDATION_FAILED');
}

export const ErrorIssue = z.object({
  path: doc(z.string(), {
    description: 'Dotted path of the offending field, such as address.city',
  }),
  message: z.string(),
});
export type ErrorIssue = z.infer<typeof ErrorIssue>;

/**
 * Error response. `issues` and `requestId` are our additions to the spec (see design.md,
 * "Where we extend the spec").
 */
export const ErrorResponse = doc(
  z.looseObject({
    message: z.optional(
      doc(z.string(), {
        description: 'Human-readable error message',
        example: 'Customer not found',
      }),
    ),
    code: z.optional(doc(z.string(), { description: 'Error code', example: 'NOT_FOUND' })),
    issues: z.optional(
      doc(z.array(ErrorIssue), { description: 'Field-level validation problems' }),
    ),
    requestId: z.optional(doc(z.string(), { description: 'Request id, for support' })),
  }),
  { id: 'ErrorResponse', description: 'Error response' },
);
export type ErrorResponse = z.infer<typeof ErrorResponse>;
