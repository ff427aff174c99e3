import * as z from 'zod/mini';
import { ErrorIssue } from '../schemas/index.js';
import {
  BadRequestError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  RateLimitError,
  RedirectError,
  ServerError,
  UnauthorizedError,
} from './error-classes.js';
import { AmberfloError, type AmberfloErrorInit } from './errors.js';
import { redactIssues, redactOptional, redactText } from './redact.js';
import { serverWaitMs } from './retry.js';

export type CallContext = { method: string; path: string; secrets: readonly string[] };

const DEFAULT_CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  429: 'RATE_LIMITED',
};

type ParsedBody = { message?: string | undefined; code?: string | undefined } & Pick<
  AmberfloErrorInit,
  'issues' | 'requestId'
>;

const ErrorIssues = z.array(ErrorIssue);
const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);

/**
 * Reads an error body in any shape we have seen: the spec's `{message, code}` (plus our
 * `issues`/`requestId`), the live API's `{errorMessage}`, or plain text / HTML from a gateway.
 * Field by field, so one odd field (a numeric `requestId`, malformed `issues`) never costs
 * the caller the server's message.
 */
export function parseErrorBody(body: string): ParsedBody {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    const plain = body.trim().slice(0, 200);
    return plain === '' ? {} : { message: plain };
  }
  if (typeof json === 'string') return json.trim() === '' ? {} : { message: json.slice(0, 200) };
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return {};
  const fields = json as Record<string, unknown>;
  const issues = ErrorIssues.safeParse(fields.issues);
  return {
    message: text(fields.message) ?? text(fields.errorMessage),
    code: text(fields.code),
    issues: issues.success ? issues.data : undefined,
    requestId: text(fields.requestId),
  };
}

/**
 * A 3xx (the client sends `redirect: 'manual'`), or a browser's opaque redirect (status 0,
 * `Location` hidden). The body is of no use: it is dropped unread.
 */
function redirectError(response: Response, ctx: CallContext): RedirectError {
  void response.body?.cancel().catch(() => undefined);
  const header = response.headers.get('location');
  const location = header === null ? undefined : redactText(header, ctx.secrets);
  const status = response.status === 0 ? undefined : response.status;
  return new RedirectError({
    message: `${ctx.method} ${ctx.path} was redirected (${status ?? 'opaque redirect'}) to ${location ?? 'a location the runtime hides'}; redirects are not followed, so the API key never goes elsewhere: point baseUrl at the final URL`,
    code: 'REDIRECT',
    status,
    method: ctx.method,
    path: ctx.path,
    requestId: redactOptional(response.headers.get('x-request-id') ?? undefined, ctx.secrets),
    location,
  });
}

/** Maps a non-2xx response to the error class for its status. */
export async function errorFromResponse(
  response: Response,
  ctx: CallContext,
): Promise<AmberfloError> {
  const { status } = response;
  if ((status >= 300 && status < 400) || response.type === 'opaqueredirect') {
    return redirectError(response, ctx);
  }
  const body = parseErrorBody(await response.text().catch(() => ''));
  // Everything taken from the response is masked: a server may echo the key anywhere.
  const code = redactText(
    body.code ?? DEFAULT_CODES[status] ?? (status >= 500 ? 'SERVER_ERROR' : `HTTP_${status}`),
    ctx.secrets,
  );
  const detail = body.message ?? response.statusText;
  const message = redactText(
    `${ctx.method} ${ctx.path} failed with ${status} ${code}${detail ? `: ${detail}` : ''}`,
    ctx.secrets,
  );
  const init: AmberfloErrorInit = {
    message,
    code,
    status,
    method: ctx.method,
    path: ctx.path,
    requestId: redactOptional(response.headers.get('x-request-id') ?? body.requestId, ctx.secrets),
    issues: redactIssues(body.issues, ctx.secrets),
  };
  if (status === 409 || (status === 400 && code === 'CONFLICT')) return new ConflictError(init);
  if (status === 400 || status === 422) return new BadRequestError(init);
  if (status === 401) return new UnauthorizedError(init);
  if (status === 403) return new ForbiddenError(init);
  if (status === 404) return new NotFoundError(init);
  if (status === 429) {
    const retryAfterMs = serverWaitMs(status, response.headers);
    return new RateLimitError({ ...init, retryAfterMs });
  }
  if (status >= 500) return new ServerError(init);
  return new AmberfloError(init);
}
