import { isAmberfloError } from '@amberkit/core/client';
import { showLine } from '../../commands/exit-code.js';

export type ErrorDescription = {
  readonly message: string;
  /** `NOT_FOUND · HTTP 404 · request req-1`, when known. */
  readonly detail?: string;
  readonly issues: readonly string[];
};

/**
 * What a person needs from an error: the server's message, its code and fields; no stack.
 * `secrets` (the API key) and any proxy caller key are redacted, as on the command line.
 */
export function describeError(error: unknown, secrets: readonly string[]): ErrorDescription {
  const clean = (text: string) => showLine(text, secrets);
  if (isAmberfloError(error)) {
    const detail = [
      error.code,
      error.status === undefined ? undefined : `HTTP ${error.status}`,
      error.requestId === undefined ? undefined : `request ${error.requestId}`,
    ]
      .filter((part) => part !== undefined)
      .join(' · ');
    return {
      message: clean(error.message),
      detail: clean(detail),
      issues: (error.issues ?? []).map((issue) => clean(`${issue.path}: ${issue.message}`)),
    };
  }
  return { message: clean(error instanceof Error ? error.message : String(error)), issues: [] };
}
