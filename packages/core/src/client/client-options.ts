import * as z from 'zod/mini';
import { describeIssues, toErrorIssues } from '../schemas/index.js';
import type { AmberfloClientOptions } from './options.js';

export const DEFAULT_BASE_URL = 'https://app.amberflo.io';
export const DEFAULT_TIMEOUT_MS = 30_000;

const MAX_TIMER = 2_147_483_647;
const delay = z.number().check(z.gte(0), z.lte(MAX_TIMER));

const ClientOptions = z.looseObject({
  apiKey: z.string().check(z.minLength(1, 'is required')),
  baseUrl: z._default(z.url({ protocol: /^https?$/ }), DEFAULT_BASE_URL),
  timeoutMs: z._default(z.number().check(z.positive(), z.lte(MAX_TIMER)), DEFAULT_TIMEOUT_MS),
  retry: z.optional(
    z.union([
      z.literal(false),
      z.object({
        limit: z.optional(z.int().check(z.gte(0), z.lte(20))),
        baseDelayMs: z.optional(delay),
        maxDelayMs: z.optional(delay),
        maxRetryAfterMs: z.optional(delay),
      }),
    ]),
  ),
  headers: z._default(z.record(z.string(), z.string()), {}),
  validateResponses: z._default(z.enum(['strict', 'warn', 'off']), 'strict'),
});

/**
 * Checks the options once, up front, so a typo (`validateResponses: 'stict'`, a baseUrl
 * without a scheme) fails at construction with the field named, not on the first call.
 * zod's messages never repeat the input, so the key cannot leak through this error.
 */
export function parseClientOptions(options: AmberfloClientOptions) {
  const result = ClientOptions.safeParse(options);
  if (!result.success) {
    throw new TypeError(
      `createAmberfloClient: invalid options (${describeIssues(toErrorIssues(result.error))})`,
    );
  }
  return result.data;
}
