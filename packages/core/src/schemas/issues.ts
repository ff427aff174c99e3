import type * as z from 'zod/mini';
import type { ErrorIssue } from './error-response.js';

type Issue = z.core.$ZodIssue;

/** zod's own wording (its English locale, or mini's bare "Invalid input"), as opposed to ours. */
const GENERIC = /^(Invalid |Too (big|small)|Unrecognized key|Number must be|$)/;

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
function messageOf(issue: Issue, missing: boolean): string {
  const own = GENERIC.test(issue.message) ? undefined : issue.message;
  switch (issue.code) {
    case 'invalid_type':
      if (issue.expected === 'int') return 'must be an integer';
      if (missing) return 'is required';
      return `must be ${issue.expected === 'object' || issue.expected === 'array' ? 'an' : 'a'} ${issue.expected}`;
    case 'too_small':
      return own ?? bound(issue, issue.minimum, true);
    case 'too_big':
      return own ?? bound(issue, issue.maximum, false);
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

const MISSING = Symbol('missing');
const NOT_GIVEN = Symbol('not given');

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let node = input;
  for (const key of path) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, key)) return MISSING;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

/**
 * Turns zod issues into the wire form `[{ path: 'address.city', message }]`. Pass the value
 * that was parsed as `input` to have absent fields reported as "is required" rather than
 * "must be a string" (zod does not keep inputs in its issues unless asked).
 */
export function toErrorIssues(
  error: { issues: readonly Issue[] },
  input: unknown = NOT_GIVEN,
): ErrorIssue[] {
  const known = input !== NOT_GIVEN;
  return error.issues.map((issue) => {
    const value = known ? valueAt(input, issue.path) : undefined;
    const missing =
      ('input' in issue && issue.input === undefined) ||
      value === MISSING ||
      (known && value === undefined);
    return {
      path: issue.path.length === 0 ? '(body)' : issue.path.map(String).join('.'),
      message: messageOf(issue, issue.code === 'invalid_type' && missing),
    };
  });
}

/** One line naming every offending field: `customerName: is required; address.city: …`. */
export function describeIssues(issues: readonly ErrorIssue[]): string {
  return issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
}
