import { describeIssues, toErrorIssues } from '@amberkit/core/schemas';
import * as z from 'zod/mini';
import type { FaultRule } from './types.js';

const between = (min: number, max: number) => z.number().check(z.gte(min), z.lte(max));

/** Strict on purpose: a typo such as `lantency` is a 400, not a silently ignored rule. */
const FaultRuleFields = z.strictObject({
  method: z.optional(
    z.pipe(
      z.string().check(z.regex(/^[A-Za-z]+$/, 'must be an HTTP method such as GET')),
      z.transform((method: string) => method.toUpperCase()),
    ),
  ),
  path: z.optional(z.string().check(z.startsWith('/', 'must be a path prefix starting with /'))),
  rate: z.optional(between(0, 1)),
  status: z.optional(z.int().check(z.gte(400), z.lte(599))),
  retryAfterSeconds: z.optional(z.int().check(z.gte(0), z.lte(86_400))),
  latencyMs: z.optional(between(0, 600_000)),
  jitterMs: z.optional(between(0, 600_000)),
  drop: z.optional(z.boolean()),
  hang: z.optional(z.boolean()),
});
/** `retryAfterSeconds` rides on a status: alone it would do nothing, silently. */
const FaultRuleSchema = FaultRuleFields.check(
  z.refine((rule) => rule.retryAfterSeconds === undefined || rule.status !== undefined, {
    message: 'needs a status (429 or 503, say) to send Retry-After with',
    path: ['retryAfterSeconds'],
  }),
);

export const FaultRulesBody = z.strictObject({
  rules: z.array(FaultRuleSchema).check(z.maxLength(100)),
});

/** Validates rules given to `createEmulator` / `setFaults`, throwing a readable error. */
export function parseFaultRules(rules: readonly FaultRule[]): FaultRule[] {
  const result = z.safeParse(FaultRulesBody, { rules });
  if (!result.success)
    throw new TypeError(`Invalid fault rules: ${describeIssues(toErrorIssues(result.error))}`);
  return result.data.rules;
}

/** The rules that fire for one request: their summed latency and the first with an outcome. */
export function matchFaults(
  rules: readonly FaultRule[],
  method: string,
  path: string,
  random: () => number,
): { latencyMs: number; outcome: FaultRule | undefined } {
  let latencyMs = 0;
  let outcome: FaultRule | undefined;
  // HEAD is a GET without a body (Hono serves it from the GET handler), so GET rules match it.
  const asGet = method === 'HEAD' ? 'GET' : undefined;
  for (const rule of rules) {
    if (rule.method !== undefined && rule.method !== method && rule.method !== asGet) continue;
    if (rule.path !== undefined && !path.startsWith(rule.path)) continue;
    const rate = rule.rate ?? 1;
    if (rate < 1 && random() >= rate) continue;
    latencyMs += (rule.latencyMs ?? 0) + (rule.jitterMs ? random() * rule.jitterMs : 0);
    if (outcome === undefined && (rule.drop || rule.hang || rule.status !== undefined))
      outcome = rule;
  }
  return { latencyMs, outcome };
}
