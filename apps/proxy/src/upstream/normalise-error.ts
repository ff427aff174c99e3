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
  const fallback = codeForStatus(status);
  const named = (ERROR_CODES as readonly unknown[]).includes(parsed.code)
    ? (parsed.code as ErrorCode)
    : undefined;
  // Upstream's own code, unless it calls a status that is no validation failure one.
  const code =
    named !== undefined && (named !== 'VALIDATION_FAILED' || fallback === 'VALIDATION_FAILED')
      ? named
      : fallback;
  const out: ErrorResponse = { message: text ?? fallbackMessage(status), code, requestId };
  const issues = IssueList.safeParse(parsed.issues);
  if (issues.success) out.issues = issues.data;
  return out;
}

/**
 * The stable code for an upstream status: core's table (400 and 422 are `VALIDATION_FAILED`),
 * and `INTERNAL` for a 4xx the API does not use (418, 410, 451 …): neither the caller's input
 * nor anything they can fix, so never `VALIDATION_FAILED`.
 */
function codeForStatus(status: number): ErrorCode {
  if (status === 422) return 'VALIDATION_FAILED';
  const code = errorCodeForStatus(status);
  return code === 'VALIDATION_FAILED' && status !== 400 ? 'INTERNAL' : code;
}

const fallbackMessage = (status: number): string =>
  status === 429
    ? 'Amberflo is rate-limiting the proxy (upstream answered 429); retry after Retry-After'
    : `Upstream answered ${status}`;
