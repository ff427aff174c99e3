import type { ErrorCode, ErrorIssue } from '@amberkit/core/schemas';

/**
 * A failure with an HTTP answer. Route code throws it; the app's error handler turns it into
 * an ErrorResponse, so every error the emulator sends has one shape.
 */
export class HttpProblem extends Error {
  override name = 'HttpProblem' as const;
  constructor(
    readonly status: number,
    /** A stable code; an injected fault's status without one gets `HTTP_<status>`. */
    readonly code: ErrorCode | `HTTP_${number}`,
    message: string,
    readonly issues?: ErrorIssue[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

const EMPTY = new Uint8Array(0);

/** Builds a JSON response carrying the request id; the one place responses are made. */
export function jsonResponse(
  requestId: string,
  status: number,
  body: string | Uint8Array<ArrayBuffer> | null,
  headers?: Record<string, string>,
): Response {
  const base: Record<string, string> = { 'x-request-id': requestId };
  if (body !== null) base['content-type'] = 'application/json';
  // No body (a DELETE's 200): an empty one, so Node sends Content-Length: 0 and no type
  // (a null body went out chunked as text/plain); 204 and 304 must have none at all.
  const sent = body === null && status !== 204 && status !== 304 ? EMPTY : body;
  return new Response(sent, { status, headers: headers ? { ...base, ...headers } : base });
}

/** A body's `customerId` names no customer of the account: 404, the field as the issue. */
export function unknownBodyCustomer(customerId: string): HttpProblem {
  return new HttpProblem(404, 'NOT_FOUND', `Customer ${JSON.stringify(customerId)} not found`, [
    { path: 'customerId', message: 'no such customer' },
  ]);
}

export function problemResponse(requestId: string, problem: HttpProblem): Response {
  const body: Record<string, unknown> = { message: problem.message, code: problem.code };
  if (problem.issues) body.issues = problem.issues;
  body.requestId = requestId;
  return jsonResponse(requestId, problem.status, JSON.stringify(body), problem.headers);
}
