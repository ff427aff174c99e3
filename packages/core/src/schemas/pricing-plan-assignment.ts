import * as z from 'zod/mini';
import { beyondSpec, doc, integer } from './doc.js';

const CUSTOMER = { description: 'Customer identifier', example: 'customer-123456' };
const PLAN = { description: 'Product or pricing plan identifier', example: 'plan-standard' };
const START = {
  description: 'Plan start time in Unix milliseconds',
  format: 'int64',
  example: 1718153645993,
};

/**
 * Assignment of a pricing plan to a customer. The spec requires nothing here, but an
 * assignment without a customer or a plan means nothing, so requests should use
 * {@link PricingPlanAssignmentRequest}.
 */
export const PricingPlanAssignment = doc(
  z.looseObject({
    customerId: z.optional(doc(z.string(), CUSTOMER)),
    productId: z.optional(doc(z.string(), PLAN)),
    startTime: z.optional(doc(integer(), START)),
  }),
  { id: 'PricingPlanAssignment', description: 'Assignment of a pricing plan to a customer' },
);
export type PricingPlanAssignment = z.infer<typeof PricingPlanAssignment>;

const nonEmpty = () => beyondSpec(z.string().check(z.minLength(1)), 'string');

/**
 * What a caller must send to assign a plan: customer and plan are needed; start is optional
 * and not before 1970. Stricter than the spec, which the OpenAPI document does not show.
 */
export const PricingPlanAssignmentRequest = z.extend(PricingPlanAssignment, {
  customerId: doc(nonEmpty(), CUSTOMER),
  productId: doc(nonEmpty(), PLAN),
  startTime: z.optional(doc(beyondSpec(z.int().check(z.nonnegative()), 'integer'), START)),
});
export type PricingPlanAssignmentRequest = z.infer<typeof PricingPlanAssignmentRequest>;
