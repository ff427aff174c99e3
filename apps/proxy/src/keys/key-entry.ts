import * as z from 'zod/mini';
import { SCOPES } from '../auth/scopes.js';
import { RateSpec } from '../config/rate-spec.js';

/** One caller key as stored: only its SHA-256 hash is kept, never the key. */
export const KeyEntry = z.object({
  name: z.string().check(z.minLength(1, 'name must not be empty')),
  hash: z
    .string()
    .check(z.regex(/^sha256:[0-9a-f]{64}$/, 'hash must look like sha256:<64 hex digits>')),
  scopes: z.array(z.enum(SCOPES)).check(z.minLength(1, 'at least one scope is needed')),
  expiresAt: z._default(z.nullable(z.iso.datetime({ offset: true })), null),
  rateLimit: z._default(z.nullable(RateSpec), null),
});
export type KeyEntry = z.output<typeof KeyEntry>;
export type KeyEntryInput = z.input<typeof KeyEntry>;

/** `AMBERKIT_KEYS` / the keys file: a JSON array of entries. */
export const KeyEntries = z.array(KeyEntry);
