import * as z from 'zod/mini';
import { doc } from './doc.js';

const CUSTOMER = { description: 'Customer identifier', example: 'customer-123456' };
const PLAN = { description: 'Product or pricing plan identifier', example: 'plan-standard' };

/**
 * Assignment of a pricing plan to a customer. The spec requires nothing here, but an
 * assignment without a customer or a plan means nothing, so requests should use
 * {@link PricingPlanAssignmentRequest}.
 */
export const PricingPlanAssignment = doc(
  z.looseObject({
    customerId: z.optional(doc(z.string(), CUSTOMER)),
    productId: z.optional(doc(z.string(), PLAN)),
    startTime: z.optional(
      doc(z.int().check(z.nonnegative()), {
        description: 'Plan start time in Unix milliseconds',
        format: 'int64',
        example: 1718153645993,
      }),
    ),
  }),
  { id: 'PricingPlanAssignment', description: 'Assignment of a pricing plan to a customer' },
);
export type PricingPlanAssignment = z.infer<typeof PricingPlanAssignment>;

/** What a caller must send to assign a plan: customer and plan are needed; start is optional. */
export const PricingPlanAssignmentRequest = z.extend(PricingPlanAssignment, {
  customerId: doc(z.string().check(z.minLength(1)), CUSTOMER),
  productId: doc(z.string().check(z.minLength(1)), PLAN),
});
export type PricingPlanAssignmentRequest = z.infer<typeof PricingPlanAssignmentRequest>;
