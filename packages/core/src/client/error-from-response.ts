import { ErrorResponse } from '../schemas/index.js';
import {
  BadRequestError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  RateLimitError,
  ServerError,
  UnauthorizedError,
} from './error-classes.js';
import { AmberfloError, type AmberfloErrorInit } from './errors.js';
import { redactText } from './redact.js';
import { parseRetryAfter } from './retry.js';

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

/**
 * Reads an error body in any shape we have seen: the spec's `{message, code}` (plus our
 * `issues`/`requestId`), the live API's `{errorMessage}`, or plain text / HTML from a gateway.
 */
export function parseErrorBody(text: string): ParsedBody {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    const plain = text.trim().slice(0, 200);
    return plain === '' ? {} : { message: plain };
  }
  const parsed = ErrorResponse.safeParse(json);
  if (!parsed.success) return {};
  const body = parsed.data;
  const live = typeof body.errorMessage === 'string' ? body.errorMessage : undefined;
  return {
    message: body.message ?? live,
    code: body.code,
    issues: body.issues,
    requestId: body.requestId,
  };
}

/** Maps a non-2xx response to the error class for its status. */
export async function errorFromResponse(
  response: Response,
  ctx: CallContext,
): Promise<AmberfloError> {
  const { status } = response;
  const body = parseErrorBody(await response.text().catch(() => ''));
  const code =
    body.code ?? DEFAULT_CODES[status] ?? (status >= 500 ? 'SERVER_ERROR' : `HTTP_${status}`);
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
    requestId: response.headers.get('x-request-id') ?? body.requestId,
    issues: body.issues?.map((issue) => ({
      path: issue.path,
      message: redactText(issue.message, ctx.secrets),
    })),
  };
  if (status === 409 || (status === 400 && code === 'CONFLICT')) return new ConflictError(init);
  if (status === 400 || status === 422) return new BadRequestError(init);
  if (status === 401) return new UnauthorizedError(init);
  if (status === 403) return new ForbiddenError(init);
  if (status === 404) return new NotFoundError(init);
  if (status === 429) {
    const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
    return new RateLimitError({ ...init, retryAfterMs });
  }
  if (status >= 500) return new ServerError(init);
  return new AmberfloError(init);
}
