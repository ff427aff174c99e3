import * as z from 'zod';
import { Address } from './address.js';
import { LifecycleStage } from './lifecycle-stage.js';

const millis = (description: string) =>
  z.int().nonnegative().describe(description).meta({ format: 'int64', example: 1718153645993 });

const customerId = z.string().min(1).max(256);
const traits = z.record(z.string(), z.string());

/** A customer account in Amberflo. Unknown fields from upstream are kept. */
export const Customer = z
  .looseObject({
    createTime: millis('Creation timestamp in Unix milliseconds').optional(),
    updateTime: millis('Last update timestamp in Unix milliseconds').optional(),
    deleteTime: millis('Deletion timestamp in Unix milliseconds').optional(),
    customerId: customerId
      .describe('Unique customer identifier from your system')
      .meta({ example: 'customer-123456' }),
    customerName: z.string().describe('Customer display name').meta({ example: 'Acme Corp' }),
    customerEmail: z
      .email()
      .describe('Customer contact email')
      .meta({ example: 'billing@acme.com' })
      .optional(),
    description: z
      .string()
      .describe('Customer description')
      .meta({ example: 'Enterprise customer account for Acme Corporation' })
      .optional(),
    enabled: z
      .boolean()
      .describe('Deprecated — use lifecycleStage instead')
      .meta({ deprecated: true })
      .optional(),
    test: z
      .boolean()
      .describe('Whether this is a test customer account')
      .meta({ example: false })
      .optional(),
    lifecycleStage: LifecycleStage.describe('Customer lifecycle stage')
      .meta({ example: 'ACTIVE' })
      .optional(),
    deactivateTimeStamp: z
      .int()
      .nonnegative()
      .describe('Last deactivation timestamp in Unix milliseconds')
      .meta({ format: 'int64' })
      .optional(),
    traits: traits.describe('Custom metadata for external system integration').optional(),
    address: Address.optional(),
  })
  .meta({ id: 'Customer', description: 'A customer account in Amberflo' });
export type Customer = z.infer<typeof Customer>;

/** Request body for creating or updating a customer. */
export const CustomerRequest = z
  .looseObject({
    customerId: customerId
      .describe('Unique customer identifier')
      .meta({ example: 'customer-123456' }),
    customerName: z
      .string()
      .min(1)
      .describe('Customer display name')
      .meta({ example: 'Acme Corp' }),
    customerEmail: z
      .email()
      .describe('Customer email address')
      .meta({ example: 'billing@acme.com' })
      .optional(),
    description: z.string().describe('Customer description').optional(),
    test: z.boolean().describe('Marks customer as test').meta({ example: false }).optional(),
    lifecycleStage: LifecycleStage.describe('Lifecycle stage')
      .meta({ example: 'ACTIVE' })
      .optional(),
    traits: traits.describe('Custom metadata').optional(),
    address: Address.optional(),
  })
  .meta({ id: 'CustomerRequest', description: 'Request body for creating or updating a customer' });
export type CustomerRequest = z.infer<typeof CustomerRequest>;
