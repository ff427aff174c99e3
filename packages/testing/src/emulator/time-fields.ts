import { asMillis, asSeconds } from '@amberkit/core/time';
import * as z from 'zod/mini';

/**
 * A Unix time in the unit a field takes, held to core's plausible window (the years 2000–2199,
 * `PLAUSIBLE_MILLIS` / `PLAUSIBLE_SECONDS`): what the emulator accepts, core's time helpers can
 * read back. The two windows are disjoint, so a value in the other unit is refused, saying so
 * (mixing the units is the likeliest bug in code that talks to Amberflo: customers, prepaid
 * orders and plans use ms; invoices seconds). The message is core's, minus the value.
 */
const unixTime = (check: (n: number) => number) =>
  z.int().check(
    z.superRefine((n, ctx) => {
      try {
        check(n);
      } catch (error) {
        ctx.issues.push({
          code: 'custom',
          input: n,
          message: (error as Error).message.replace(/^value -?[\d.e+]+ /, ''),
        });
      }
    }),
  );

/** A Unix time in milliseconds; a value that looks like seconds is refused, saying so. */
export const unixMillis = () => unixTime(asMillis);

/** A Unix time in seconds; a value that looks like milliseconds is refused, saying so. */
export const unixSeconds = () => unixTime(asSeconds);
