import {
  ERROR_CODES,
  type ErrorCode,
  ErrorIssue,
  type ErrorResponse,
  errorCodeForStatus,
} from '@amberkit/core/schemas';
import * as z from 'zod/mini';

const IssueList = z.array(ErrorIssue);

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
    : errorCodeForStatus(status);
  const out: ErrorResponse = { message: text ?? `Upstream answered ${status}`, code, requestId };
  const issues = IssueList.safeParse(parsed.issues);
  if (issues.success) out.issues = issues.data;
  return out;
}
