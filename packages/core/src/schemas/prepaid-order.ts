import * as z from 'zod';

const currency = z
  .string()
  .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as USD')
  .describe('Currency code')
  .meta({ example: 'USD' });

/** A prepaid credit order for a customer. */
export const PrepaidOrder = z
  .looseObject({
    orderId: z
      .string()
      .describe('Unique prepaid order identifier')
      .meta({ example: 'order-a1b2c3d4' })
      .optional(),
    customerId: z
      .string()
      .describe('Customer identifier')
      .meta({ example: 'customer-123456' })
      .optional(),
    amount: z.number().describe('Prepaid credit amount').meta({ example: 500 }).optional(),
    currency: z.string().describe('Currency code').meta({ example: 'USD' }).optional(),
    createTime: z
      .int()
      .describe('Creation timestamp')
      .meta({ format: 'int64', example: 1718153645993 })
      .optional(),
    expirationTime: z
      .int()
      .describe('Expiration timestamp in Unix milliseconds')
      .meta({ format: 'int64', example: 1749686400000 })
      .optional(),
  })
  .meta({ id: 'PrepaidOrder', description: 'A prepaid credit order for a customer' });
export type PrepaidOrder = z.infer<typeof PrepaidOrder>;

/** Request body for creating a prepaid order. `currency` defaults to USD upstream. */
export const PrepaidOrderRequest = z
  .looseObject({
    customerId: z
      .string()
      .min(1)
      .describe('Customer identifier')
      .meta({ example: 'customer-123456' }),
    amount: z.number().positive().describe('Prepaid credit amount').meta({ example: 500 }),
    currency: currency.optional(),
    expirationTime: z
      .int()
      .nonnegative()
      .describe('Expiration timestamp in Unix milliseconds')
      .meta({ format: 'int64', example: 1749686400000 })
      .optional(),
  })
  .meta({ id: 'PrepaidOrderRequest', description: 'Request body for creating a prepaid order' });
export type PrepaidOrderRequest = z.infer<typeof PrepaidOrderRequest>;
