import * as z from 'zod/mini';

/**
 * Where seconds end and milliseconds begin: 1e11 is March 1973 in milliseconds and the year
 * 5138 in seconds, so no real timestamp is ambiguous. Mixing the units is the likeliest bug in
 * code that talks to Amberflo (customers, prepaid orders and plans use ms; invoices seconds).
 */
const UNIT_BOUNDARY = 100_000_000_000;

/** A Unix time in milliseconds; a value that looks like seconds is refused, saying so. */
export const unixMillis = () =>
  z.int().check(
    z.nonnegative(),
    z.refine(
      (n) => n < 0 || n >= UNIT_BOUNDARY,
      'looks like Unix seconds; expected Unix milliseconds',
    ),
  );

/** A Unix time in seconds; a value that looks like milliseconds is refused, saying so. */
export const unixSeconds = () =>
  z.int().check(
    z.nonnegative(),
    z.refine((n) => n < UNIT_BOUNDARY, 'looks like Unix milliseconds; expected Unix seconds'),
  );
