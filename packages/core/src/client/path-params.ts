import * as z from 'zod/mini';

/**
 * A customer id as it may appear in a path or query. `.` and `..` are refused because URL
 * parsers treat them (and `%2E`, `%2E%2E`) as dot segments and would rewrite the path;
 * every other id is sent with `encodeURIComponent`, so `../x` or `a/b` stay data.
 */
export const CustomerIdParam = z.string().check(
  z.minLength(1),
  z.maxLength(256),
  z.refine((id) => id !== '.' && id !== '..', 'must not be "." or ".."'),
);
