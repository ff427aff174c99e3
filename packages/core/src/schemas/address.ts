import * as z from 'zod/mini';
import { doc } from './doc.js';

/** Tax address for a customer. */
export const Address = doc(
  z.looseObject({
    verified: z.optional(
      doc(z.boolean(), { description: 'Whether the address has been verified' }),
    ),
    line1: doc(z.string(), { description: 'Address line 1', example: '123 Main Street' }),
    state: z.optional(doc(z.string(), { description: 'State or province', example: 'CA' })),
    city: doc(z.string(), { description: 'City', example: 'San Francisco' }),
    postalCode: z.optional(
      doc(z.string(), { description: 'Postal or ZIP code', example: '94105' }),
    ),
    country: doc(z.string(), { description: 'ISO country code', example: 'US' }),
  }),
  { id: 'Address', description: 'Tax address for a customer' },
);
export type Address = z.infer<typeof Address>;
