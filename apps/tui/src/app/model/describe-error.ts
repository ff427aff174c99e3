import { isAmberfloError } from '@amberkit/core/client';

export type ErrorDescription = {
  readonly message: string;
  /** `NOT_FOUND · HTTP 404 · request req-1`, when known. */
  readonly detail?: string;
  readonly issues: readonly string[];
};

/** What a person needs from an error: the server's message, its code and fields; no stack. */
export function describeError(error: unknown): ErrorDescription {
  if (isAmberfloError(error)) {
    const detail = [
      error.code,
      error.status === undefined ? undefined : `HTTP ${error.status}`,
      error.requestId === undefined ? undefined : `request ${error.requestId}`,
    ]
      .filter((part) => part !== undefined)
      .join(' · ');
    return {
      message: error.message,
      detail,
      issues: (error.issues ?? []).map((issue) => `${issue.path}: ${issue.message}`),
    };
  }
  return { message: error instanceof Error ? error.message : String(error), issues: [] };
}
