import * as z from 'zod';
import { describeIssues, toErrorIssues } from '../schemas/index.js';
import type { AmberfloClientOptions } from './options.js';

export const DEFAULT_BASE_URL = 'https://app.amberflo.io';
export const DEFAULT_TIMEOUT_MS = 30_000;

const delay = z.number().min(0).max(2_147_483_647);

const ClientOptions = z.looseObject({
  apiKey: z.string().min(1, 'is required'),
  baseUrl: z.url({ protocol: /^https?$/ }).default(DEFAULT_BASE_URL),
  timeoutMs: z.number().positive().max(2_147_483_647).default(DEFAULT_TIMEOUT_MS),
  retry: z
    .union([
      z.literal(false),
      z.object({
        limit: z.int().min(0).max(20).optional(),
        baseDelayMs: delay.optional(),
        maxDelayMs: delay.optional(),
        maxRetryAfterMs: delay.optional(),
      }),
    ])
    .optional(),
  headers: z.record(z.string(), z.string()).default({}),
  validateResponses: z.enum(['strict', 'warn', 'off']).default('strict'),
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
