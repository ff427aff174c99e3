import * as z from 'zod/mini';
import { isKnownCurrency } from '../money/currencies.js';
import { beyondSpec, doc, integer } from './doc.js';

const CUSTOMER = { description: 'Customer identifier', example: 'customer-123456' };
const EXPIRATION = {
  description: 'Expiration timestamp in Unix milliseconds',
  format: 'int64',
  example: 1749686400000,
};

/** A prepaid credit order for a customer. */
export const PrepaidOrder = doc(
  z.looseObject({
    orderId: z.optional(
      doc(z.string(), {
        description: 'Unique prepaid order identifier',
        example: 'order-a1b2c3d4',
      }),
    ),
    customerId: z.optional(doc(z.string(), CUSTOMER)),
    amount: z.optional(doc(z.number(), { description: 'Prepaid credit amount', example: 500 })),
    currency: z.optional(doc(z.string(), { description: 'Currency code', example: 'USD' })),
    createTime: z.optional(
      doc(integer(), {
        description: 'Creation timestamp',
        format: 'int64',
        example: 1718153645993,
      }),
    ),
    expirationTime: z.optional(doc(integer(), EXPIRATION)),
  }),
  { id: 'PrepaidOrder', description: 'A prepaid credit order for a customer' },
);
export type PrepaidOrder = z.infer<typeof PrepaidOrder>;

/**
 * Request body for creating a prepaid order. `currency` defaults to USD upstream. Held
 * stricter than the spec (a customer, a positive amount, an upper-case ISO 4217 code), which the
 * OpenAPI document does not show (see beyondSpec).
 */
export const PrepaidOrderRequest = doc(
  z.looseObject({
    customerId: doc(beyondSpec(z.string().check(z.minLength(1)), 'string'), CUSTOMER),
    amount: doc(beyondSpec(z.number().check(z.positive()), 'number'), {
      description: 'Prepaid credit amount',
      example: 500,
    }),
    currency: z.optional(
      doc(
        beyondSpec(
          z.string().check(
            z.regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as USD'),
            // A code the money helpers know, so the order's amount can be read back exactly.
            z.refine(isKnownCurrency, 'is not an ISO 4217 currency code'),
          ),
          'string',
        ),
        { description: 'Currency code', example: 'USD' },
      ),
    ),
    expirationTime: z.optional(
      doc(beyondSpec(z.int().check(z.nonnegative()), 'integer'), EXPIRATION),
    ),
  }),
  { id: 'PrepaidOrderRequest', description: 'Request body for creating a prepaid order' },
);
export type PrepaidOrderRequest = z.infer<typeof PrepaidOrderRequest>;
