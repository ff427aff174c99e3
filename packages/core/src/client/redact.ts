import type { ErrorIssue } from '../schemas/index.js';

const MASK = '***';
/**
 * Shorter secrets are not masked: a one-letter test key would turn every such letter in a
 * message into `***` (and the marks would spell the key out); no real key is that short. The
 * proxy's and the TUI's own masking use the same floor.
 */
const MIN_SECRET_LENGTH = 4;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

let last: { secret: string; pattern: RegExp } | undefined;

/**
 * A pattern for a secret as written and as percent-encoded (in a URL a server echoes back,
 * such as a redirect's `Location`), the encoded hex digits in either case.
 */
function secretPattern(secret: string): RegExp {
  // A client has one key: its pattern is built once, not for every header of every hook event.
  if (last?.secret === secret) return last.pattern;
  const forms = [escapeRegExp(secret)];
  const encoded = encodeURIComponent(secret);
  if (encoded !== secret) {
    forms.push(
      escapeRegExp(encoded).replace(/%([0-9A-F])([0-9A-F])/g, (_, high: string, low: string) => {
        const hex = (digit: string) =>
          /[A-F]/.test(digit) ? `[${digit}${digit.toLowerCase()}]` : digit;
        return `%${hex(high)}${hex(low)}`;
      }),
    );
  }
  const pattern = new RegExp(forms.join('|'), 'g');
  last = { secret, pattern };
  return pattern;
}

/**
 * Replaces every occurrence of a secret in a string, written as it is or percent-encoded.
 * Applied to anything built from data we do not control (error bodies and headers echoed by a
 * server, custom header values, errors thrown by a custom fetch), so a key can never reach a
 * log line, a hook or an error.
 */
export function redactText(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length >= MIN_SECRET_LENGTH) out = out.replace(secretPattern(secret), MASK);
  }
  return out;
}

/** {@link redactText} for a value that may be missing. */
export function redactOptional(
  text: string | undefined,
  secrets: readonly string[],
): string | undefined {
  return text === undefined ? undefined : redactText(text, secrets);
}

/** Field problems with the secret masked in their paths and messages. */
export function redactIssues<T extends ErrorIssue[] | undefined>(
  issues: T,
  secrets: readonly string[],
): T {
  return issues?.map((issue) => ({
    ...issue,
    path: redactText(issue.path, secrets),
    message: redactText(issue.message, secrets),
  })) as T;
}

/**
 * An error as a cause we can keep: the error itself when no secret shows anywhere in it (its
 * message, stack or causes), otherwise a copy with the secret masked (name, message, `code`
 * and a masked cause kept; nothing else, since other fields could hold anything).
 */
export function redactError(error: unknown, secrets: readonly string[], depth = 0): unknown {
  if (!(error instanceof Error) || depth > 4) {
    return typeof error === 'string' ? redactText(error, secrets) : error;
  }
  const shown = `${error.message}\n${error.stack ?? ''}`;
  const cause = 'cause' in error ? redactError(error.cause, secrets, depth + 1) : undefined;
  if (redactText(shown, secrets) === shown && cause === error.cause) return error;
  const copy = new Error(
    redactText(error.message, secrets),
    cause === undefined ? undefined : { cause },
  );
  copy.name = error.name;
  copy.stack = redactText(error.stack ?? '', secrets);
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') Object.assign(copy, { code: redactText(code, secrets) });
  return copy;
}

/** Headers as a plain object for hooks: the key header masked, any value holding a secret masked. */
export function redactHeaders(
  headers: Headers,
  secrets: readonly string[],
): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    out[name] = name.toLowerCase() === 'x-api-key' ? MASK : redactText(value, secrets);
  });
  return out;
}
