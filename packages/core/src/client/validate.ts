import type * as z from 'zod/mini';
import { describeIssues, type ErrorIssue, toErrorIssues } from '../schemas/index.js';
import { RequestValidationError, ResponseValidationError } from './error-classes.js';
import type { CallContext } from './error-from-response.js';
import { BodyCustomerId } from './path-params.js';
import { redactIssues, redactText } from './redact.js';

export type ValidationMode = 'strict' | 'warn' | 'off';

/**
 * Parses a request body (or a path/query value) before anything is sent, so a bad body
 * never leaves the process. The error names every offending field.
 */
export function validateRequest<S extends z.ZodMiniType>(
  schema: S,
  value: unknown,
  ctx: CallContext,
): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw requestError(toErrorIssues(result.error, value), ctx);
}

/**
 * A body carrying a `customerId`: its schema, and the id as a later path or query value,
 * checked together so one error names every problem (the schema's issue first where both
 * speak of the same field).
 */
export function validateCustomerBody<S extends z.ZodMiniType>(
  schema: S,
  value: unknown,
  ctx: CallContext,
): z.output<S> {
  const result = schema.safeParse(value);
  const id = BodyCustomerId.safeParse(value);
  if (result.success && id.success) return result.data;
  const issues = result.success ? [] : toErrorIssues(result.error, value);
  if (!id.success) {
    const seen = new Set(issues.map((issue) => issue.path));
    for (const issue of toErrorIssues(id.error, value))
      if (!seen.has(issue.path)) issues.push(issue);
  }
  throw requestError(issues, ctx);
}

function requestError(issues: ErrorIssue[], ctx: CallContext): RequestValidationError {
  return new RequestValidationError({
    message: redactText(
      `${ctx.method} ${ctx.path} not sent: invalid request (${describeIssues(issues)})`,
      ctx.secrets,
    ),
    code: 'VALIDATION_FAILED',
    method: ctx.method,
    path: ctx.path,
    issues: redactIssues(issues, ctx.secrets),
  });
}

/**
 * Checks a 2xx body against its schema. `strict` throws, `warn` reports through `onWarn` and
 * hands back the data as received, `off` skips the parse (the cost shows in `pnpm bench`).
 */
export function validateResponse<S extends z.ZodMiniType>(
  schema: S,
  data: unknown,
  ctx: CallContext & { status: number; requestId: string | undefined },
  mode: ValidationMode,
  onWarn: (issues: ErrorIssue[]) => void,
): z.output<S> {
  if (mode === 'off') return data as z.output<S>;
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  // A response is data we do not control: the key may be anywhere in it, names included.
  const issues = redactIssues(toErrorIssues(result.error, data), ctx.secrets);
  if (mode === 'warn') {
    onWarn(issues);
    return data as z.output<S>;
  }
  throw new ResponseValidationError({
    message: redactText(
      `${ctx.method} ${ctx.path} returned a body that does not match the schema (${describeIssues(issues)})`,
      ctx.secrets,
    ),
    code: 'RESPONSE_VALIDATION_FAILED',
    status: ctx.status,
    requestId: ctx.requestId,
    method: ctx.method,
    path: ctx.path,
    issues,
    zodIssues: result.error.issues.map((issue) => ({
      ...issue,
      message: redactText(issue.message, ctx.secrets),
      path: issue.path.map((part) =>
        typeof part === 'string' ? redactText(part, ctx.secrets) : part,
      ),
    })),
  });
}
