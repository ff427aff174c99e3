import * as z from 'zod/mini';
import { notDotSegment, wellFormedUnicode } from '../schemas/customer.js';

/**
 * A customer id as it may appear in a path or query. `.` and `..` are refused because URL
 * parsers treat them (and `%2E`, `%2E%2E`) as dot segments and would rewrite the path;
 * every other id is sent with `encodeURIComponent`, so `../x` or `a/b` stay data. No length
 * limit (the spec sets none): an id the API returns, however long, can be read back.
 */
export const CustomerIdParam = z.string().check(z.minLength(1), wellFormedUnicode, notDotSegment);

/** Wrapped in an object so a refusal names `customerId`, not `(body)`. */
export const CustomerIdParams = z.object({ customerId: CustomerIdParam });

/**
 * A customer id in a query string (`?customerId=`): no dot-segment rule, since a query is
 * never rewritten, so an id such as `..` that another tool created can still be asked about.
 */
export const CustomerIdQuery = z.object({
  customerId: z.string().check(z.minLength(1), wellFormedUnicode),
});

/**
 * The `customerId` of a request body, checked beside the body's own schema: the same id must
 * be usable later in a path, so not empty and not `.` or `..`. (An update's body is the spec's Customer,
 * which alone would let an empty id through; it keeps no 256 limit, so any record read from
 * the API can be sent back.)
 */
export const BodyCustomerId = z.looseObject({
  customerId: z.string().check(z.minLength(1), wellFormedUnicode, notDotSegment),
});
