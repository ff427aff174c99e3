import {
  ERROR_CODES,
  type ErrorCode,
  ErrorIssue,
  type ErrorResponse,
} from '@amberkit/core/schemas';
import * as z from 'zod/mini';

const IssueList = z.array(ErrorIssue);

const BY_STATUS: Record<number, ErrorCode> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  429: 'RATE_LIMITED',
};

/**
 * An upstream 4xx body in our `ErrorResponse` shape, whatever upstream sent: the spec's
 * `{message, code}`, the live API's `{errorMessage}`, text, or nothing.
 */
export function normaliseUpstreamError(
  status: number,
  body: string,
  requestId: string,
): ErrorResponse {
  let parsed: Record<string, unknown> = {};
  try {
    const json: unknown = JSON.parse(body);
    if (json && typeof json === 'object' && !Array.isArray(json))
      parsed = json as Record<string, unknown>;
  } catch {
    // Not JSON: keep only the status-derived code and a generic message.
  }
  const text = [parsed.message, parsed.errorMessage].find(
    (m): m is string => typeof m === 'string' && m.length > 0,
  );
  const code = (ERROR_CODES as readonly unknown[]).includes(parsed.code)
    ? (parsed.code as ErrorCode)
    : (BY_STATUS[status] ?? 'INTERNAL');
  const out: ErrorResponse = { message: text ?? `Upstream answered ${status}`, code, requestId };
  const issues = IssueList.safeParse(parsed.issues);
  if (issues.success) out.issues = issues.data;
  return out;
}
