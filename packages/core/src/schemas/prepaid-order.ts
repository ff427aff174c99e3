import * as z from 'zod/mini';
import { doc } from './doc.js';

const customerId = (check?: boolean) =>
  doc(check ? z.string().check(z.minLength(1)) : z.string(), {
    description: 'Customer identifier',
    example: 'customer-123456',
  });
const expirationTime = () =>
  z.optional(
    doc(z.int().check(z.nonnegative()), {
      description: 'Expiration timestamp in Unix milliseconds',
      format: 'int64',
      example: 1749686400000,
    }),
  );

/** A prepaid credit order for a customer. */
export const PrepaidOrder = doc(
  z.looseObject({
    orderId: z.optional(
      doc(z.string(), {
        description: 'Unique prepaid order identifier',
        example: 'order-a1b2c3d4',
      }),
    ),
    customerId: z.optional(customerId()),
    amount: z.optional(doc(z.number(), { description: 'Prepaid credit amount', example: 500 })),
    currency: z.optional(doc(z.string(), { description: 'Currency code', example: 'USD' })),
    createTime: z.optional(
      doc(z.int(), { description: 'Creation timestamp', format: 'int64', example: 1718153645993 }),
    ),
    expirationTime: expirationTime(),
  }),
  { id: 'PrepaidOrder', description: 'A prepaid credit order for a customer' },
);
export type PrepaidOrder = z.infer<typeof PrepaidOrder>;

/** Request body for creating a prepaid order. `currency` defaults to USD upstream. */
export const PrepaidOrderRequest = doc(
  z.looseObject({
    customerId: customerId(true),
    amount: doc(z.number().check(z.positive()), {
      description: 'Prepaid credit amount',
      example: 500,
    }),
    currency: z.optional(
      doc(z.string().check(z.regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as USD')), {
        description: 'Currency code',
        example: 'USD',
      }),
    ),
    expirationTime: expirationTime(),
  }),
  { id: 'PrepaidOrderRequest', description: 'Request body for creating a prepaid order' },
);
export type PrepaidOrderRequest = z.infer<typeof PrepaidOrderRequest>;
