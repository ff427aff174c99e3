import { isAmberfloError, RequestValidationError } from '@amberkit/core/client';
import { describeIssues } from '@amberkit/core/schemas';
import { ConfigError } from '../config/index.js';
import { safeText } from '../model/safe-text.js';
import { UsageError } from './errors.js';

/** Exit codes: 0 ok, 1 the API (or the network) failed, 2 the command line or config was wrong. */
export const EXIT = { ok: 0, api: 1, usage: 2 } as const;

/** Maps an error to its exit code. Invalid input caught by core before sending is a usage error. */
export function exitCodeFor(error: unknown): number {
  if (error instanceof UsageError || error instanceof ConfigError) return EXIT.usage;
  if (error instanceof RequestValidationError) return EXIT.usage;
  if (isAmberfloError(error) && error.name === 'RequestValidationError') return EXIT.usage;
  return EXIT.api;
}

/** One line for stderr: the message, then the server's code, status and request id. */
export function describeError(error: unknown, secrets: readonly string[]): string {
  let line: string;
  if (isAmberfloError(error)) {
    // Core's messages already read `GET /customers/x failed with 404 NOT_FOUND: …`: add only
    // what they lack, so the line carries message, code, status and request id exactly once.
    const { message, issues, code, status, requestId } = error;
    const first = issues?.[0];
    const withIssues =
      first && !message.includes(`${first.path}:`)
        ? `${message}: ${describeIssues(issues)}`
        : message;
    const facts = [
      message.includes(code) ? undefined : code,
      status === undefined || message.includes(String(status)) ? undefined : `HTTP ${status}`,
      requestId === undefined ? undefined : `request ${requestId}`,
    ].filter((fact) => fact !== undefined);
    line = facts.length > 0 ? `${withIssues} (${facts.join(', ')})` : withIssues;
  } else if (error instanceof Error) {
    line = error.message;
  } else {
    line = String(error);
  }
  return showLine(line, secrets);
}

/**
 * Text we did not write (a server's message, an error's) as one line for a terminal: its
 * newlines joined, every secret and proxy caller key masked, its controls shown, not obeyed.
 */
export function showLine(text: string, secrets: readonly string[]): string {
  return safeText(redact(text.replace(/\s*\n\s*/g, ' '), secrets));
}

/** An amberkit-proxy caller key (`ak_` + base62), which a proxy's error may echo back. */
const CALLER_KEY = /ak_[0-9A-Za-z]{8,}/g;

/**
 * Replaces every secret in `text`, and any proxy caller key, with `***`; keys must never reach
 * a terminal or a log.
 */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length >= 4) out = out.split(secret).join('***');
  }
  return out.replace(CALLER_KEY, '***');
}
