import * as z from 'zod';

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

export const ErrorIssue = z.object({
  path: z.string().describe('Dotted path of the offending field, such as address.city'),
  message: z.string(),
});
export type ErrorIssue = z.infer<typeof ErrorIssue>;

/**
 * Error response. `issues` and `requestId` are our additions to the spec (see design.md,
 * "Where we extend the spec").
 */
export const ErrorResponse = z
  .looseObject({
    message: z
      .string()
      .describe('Human-readable error message')
      .meta({ example: 'Customer not found' })
      .optional(),
    code: z.string().describe('Error code').meta({ example: 'NOT_FOUND' }).optional(),
    issues: z.array(ErrorIssue).describe('Field-level validation problems').optional(),
    requestId: z.string().describe('Request id, for support').optional(),
  })
  .meta({ id: 'ErrorResponse', description: 'Error response' });
export type ErrorResponse = z.infer<typeof ErrorResponse>;
