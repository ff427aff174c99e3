import * as z from 'zod/mini';
import { describeIssues, type ErrorIssue, toErrorIssues } from '../schemas/index.js';
import { closestName } from './closest-name.js';
import type { AmberfloClientOptions } from './options.js';

export const DEFAULT_BASE_URL = 'https://app.amberflo.io';
export const DEFAULT_TIMEOUT_MS = 30_000;

/** The longest timer JavaScript runtimes keep (2^31 − 1 ms, about 24.8 days): the most `timeoutMs` may be. */
export const MAX_TIMEOUT_MS = 2_147_483_647;
const delay = z.number().check(z.gte(0), z.lte(MAX_TIMEOUT_MS));
const fn = z.optional(
  z.custom<(...args: never[]) => unknown>((v) => typeof v === 'function', 'must be a function'),
);

/** Printable ASCII with nothing to trim: fetch would strip the ends, and throw on CR/LF/NUL. */
const API_KEY = /^[!-~](?:[ -~]*[!-~])?$/;
/** What fetch accepts in a header; its own TypeError would repeat the value (a secret, maybe). */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const headerValue = (value: string) => !/[\r\n\u0100-\uffff]/.test(value) && !value.includes('\0');

const noCredentials = (url: URL) => url.username === '' && url.password === '';
// `search`/`hash` are '' for a bare '?' or '#', so the raw string decides.
const noQueryOrFragment = (url: URL) => !/[?#]/.test(url.href);

const retryShape = {
  limit: z.optional(z.int().check(z.gte(0), z.lte(20))),
  baseDelayMs: z.optional(delay),
  maxDelayMs: z.optional(delay),
  maxRetryAfterMs: z.optional(delay),
};
const hooksShape = { onRequest: fn, onResponse: fn, onRetry: fn, onValidationWarning: fn };
const shape = {
  apiKey: z
    .string()
    .check(
      z.minLength(1, { message: 'is required', abort: true }),
      z.regex(API_KEY, 'must be printable ASCII, no spaces at either end'),
    ),
  baseUrl: z._default(
    z.url({ protocol: /^https?$/ }).check(
      z.refine(
        (value) => !URL.canParse(value) || noCredentials(new URL(value)),
        'must not hold user:password@ (the key goes in apiKey)',
      ),
      z.refine(
        (value) => !URL.canParse(value) || noQueryOrFragment(new URL(value)),
        'must be an origin with an optional path: no ?query or #fragment (every path is appended to it)',
      ),
    ),
    DEFAULT_BASE_URL,
  ),
  timeoutMs: z._default(z.number().check(z.positive(), z.lte(MAX_TIMEOUT_MS)), DEFAULT_TIMEOUT_MS),
  retry: z.optional(z.union([z.literal(false), z.strictObject(retryShape)])),
  fetch: fn,
  headers: z._default(
    z.record(
      z.string().check(z.regex(HEADER_NAME)),
      z
        .string()
        .check(
          z.refine(headerValue, 'must be a header value: no CR, LF, NUL or character above U+00FF'),
        ),
    ),
    {},
  ),
  validateResponses: z._default(z.enum(['strict', 'warn', 'off']), 'strict'),
  hooks: z.optional(z.strictObject(hooksShape)),
  logger: z.optional(
    z.custom<object>((v) => typeof v === 'object' && v !== null, 'must be an object'),
  ),
};
const ClientOptions = z.strictObject(shape);

/** The keys each object of the options accepts, by dotted path, for "did you mean". */
const KNOWN: Record<string, readonly string[]> = {
  '': Object.keys(shape),
  retry: Object.keys(retryShape),
  hooks: Object.keys(hooksShape),
};

function describe(issue: z.core.$ZodIssue): ErrorIssue[] {
  // `retry: { limit: 1.5 }` fails both `false` and the object; the object's own problems
  // (a branch that took the value's type and failed inside it) say what is wrong.
  if (issue.code === 'invalid_union') {
    const inside = issue.errors.find(
      (branch) => branch.length > 0 && branch.every((i) => i.path.length > 0),
    );
    if (inside) return inside.flatMap((i) => describe({ ...i, path: [...issue.path, ...i.path] }));
  }
  const where = issue.path.map(String).join('.');
  if (issue.code === 'invalid_key') return [{ path: where, message: 'is not a header name' }];
  if (issue.code !== 'unrecognized_keys') return toErrorIssues({ issues: [issue] });
  return issue.keys.map((key) => {
    const near = closestName(key, KNOWN[where] ?? []);
    return {
      path: where === '' ? key : `${where}.${key}`,
      message: `unknown option${near ? `, did you mean ${near}?` : ''}`,
    };
  });
}

/**
 * Checks the options once, up front, so a typo (`validateResponses: 'stict'`, `timeout` for
 * `timeoutMs`, a baseUrl without a scheme) fails at construction with the field named, not on
 * the first call or never. zod's messages never repeat the input, so the key cannot leak.
 */
export function parseClientOptions(options: AmberfloClientOptions) {
  const result = ClientOptions.safeParse(options);
  if (!result.success) {
    const issues = result.error.issues.flatMap(describe);
    throw new TypeError(`createAmberfloClient: invalid options (${describeIssues(issues)})`);
  }
  return result.data;
}
