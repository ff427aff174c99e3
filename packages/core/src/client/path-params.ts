import * as z from 'zod/mini';

/**
 * A lone surrogate (`'\ud800'`): `encodeURIComponent` throws a URIError on it and
 * URLSearchParams quietly sends U+FFFD instead, so such an id could be created but never read
 * back. With the `u` flag, `\p{Cs}` matches only unpaired halves, never an emoji's pair.
 */
const LONE_SURROGATE = /\p{Cs}/u;
const wellFormed = z.refine<string>(
  (id) => !LONE_SURROGATE.test(id),
  'must be well-formed Unicode (it holds a lone surrogate)',
);

/**
 * A customer id as it may appear in a path or query. `.` and `..` are refused because URL
 * parsers treat them (and `%2E`, `%2E%2E`) as dot segments and would rewrite the path;
 * every other id is sent with `encodeURIComponent`, so `../x` or `a/b` stay data. No length
 * limit (the spec sets none): an id the API returns, however long, can be read back.
 */
export const CustomerIdParam = z.string().check(
  z.minLength(1),
  wellFormed,
  z.refine((id) => id !== '.' && id !== '..', 'must not be "." or ".."'),
);

/** Wrapped in an object so a refusal names `customerId`, not `(body)`. */
export const CustomerIdParams = z.object({ customerId: CustomerIdParam });

/**
 * The `customerId` of a request body, checked beside the body's own schema: the same id must
 * be usable later in a path or query, so not empty. (An update's body is the spec's Customer,
 * which alone would let an empty id through; it keeps no 256 limit, so any record read from
 * the API can be sent back.)
 */
export const BodyCustomerId = z.looseObject({
  customerId: z.string().check(z.minLength(1), wellFormed),
});
