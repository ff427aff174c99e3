import * as z from 'zod';

/**
 * Assignment of a pricing plan to a customer. The spec requires nothing here, but an
 * assignment without a customer or a plan means nothing, so requests should use
 * {@link PricingPlanAssignmentRequest}.
 */
export const PricingPlanAssignment = z
  .looseObject({
    customerId: z
      .string()
      .describe('Customer identifier')
      .meta({ example: 'customer-123456' })
      .optional(),
    productId: z
      .string()
      .describe('Product or pricing plan identifier')
      .meta({ example: 'plan-standard' })
      .optional(),
    startTime: z
      .int()
      .nonnegative()
      .describe('Plan start time in Unix milliseconds')
      .meta({ format: 'int64', example: 1718153645993 })
      .optional(),
  })
  .meta({ id: 'PricingPlanAssignment', description: 'Assignment of a pricing plan to a customer' });
export type PricingPlanAssignment = z.infer<typeof PricingPlanAssignment>;

/** What a caller must send to assign a plan: customer and plan are needed; start is optional. */
export const PricingPlanAssignmentRequest = PricingPlanAssignment.extend({
  customerId: z.string().min(1).describe('Customer identifier'),
  productId: z.string().min(1).describe('Product or pricing plan identifier'),
});
export type PricingPlanAssignmentRequest = z.infer<typeof PricingPlanAssignmentRequest>;
