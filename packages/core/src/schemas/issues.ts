import type * as z from 'zod/mini';
import type { ErrorIssue } from './error-response.js';

type Issue = z.core.$ZodIssue;

const GENERIC = new Set(['Invalid input', 'Invalid value', '']);

const bound = (issue: { origin?: string; inclusive?: boolean }, n: unknown, below: boolean) => {
  switch (issue.origin) {
    case 'string':
      if (below && Number(n) === 1) return 'must not be empty';
      return `must be ${below ? 'at least' : 'at most'} ${n} characters`;
    case 'array':
    case 'set':
      return `must have ${below ? 'at least' : 'at most'} ${n} items`;
    default: {
      const op = below ? (issue.inclusive ? '≥' : '>') : issue.inclusive ? '≤' : '<';
      return `must be ${op} ${n}`;
    }
  }
};

/**
 * A message a person can act on, made here rather than by zod's locale: `zod/mini` loads no
 * locale (its messages are all "Invalid input"), and a process that also loads classic zod
 * would change them globally. Messages never repeat the input, so secrets cannot leak.
 */
function messageOf(issue: Issue): string {
  const own = GENERIC.has(issue.message) ? undefined : issue.message;
  switch (issue.code) {
    case 'invalid_type':
      if (issue.expected === 'int') return 'must be an integer';
      if ('input' in issue && issue.input === undefined) return 'is required';
      return `must be ${issue.expected === 'object' || issue.expected === 'array' ? 'an' : 'a'} ${issue.expected}`;
    case 'too_small':
      return bound(issue, issue.minimum, true);
    case 'too_big':
      return bound(issue, issue.maximum, false);
    case 'invalid_format':
      if (own) return own;
      if (issue.format === 'email') return 'must be an email address';
      if (issue.format === 'url') return 'must be a URL';
      return `must be a valid ${issue.format}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => String(v)).join(', ')}`;
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length === 1 ? '' : 's'} ${issue.keys.join(', ')}`;
    case 'not_multiple_of':
      return `must be a multiple of ${String(issue.divisor)}`;
    case 'invalid_union':
      return own ?? 'does not match any allowed form';
    default:
      return own ?? 'is invalid';
  }
}

/** Turns zod issues into the wire form `[{ path: 'address.city', message }]`. */
export function toErrorIssues(error: { issues: readonly Issue[] }): ErrorIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.length === 0 ? '(body)' : issue.path.map(String).join('.'),
    message: messageOf(issue),
  }));
}

/** One line naming every offending field: `customerName: is required; address.city: …`. */
export function describeIssues(issues: readonly ErrorIssue[]): string {
  return issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
}
