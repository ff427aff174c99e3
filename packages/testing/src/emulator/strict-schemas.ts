import { Customer, Invoice, PrepaidOrder, PricingPlanAssignment } from '@amberkit/core/schemas';
import * as z from 'zod/mini';
import { unixMillis, unixSeconds } from './time-fields.js';

/**
 * The emulator's output contract, stricter than the spec (where `{}` is a valid Invoice):
 * every field the emulator knows is present, with times in the right unit.
 */
export const StrictCustomer = z.extend(Customer, {
  createTime: unixMillis(),
  updateTime: unixMillis(),
});
export const StrictInvoice = z.extend(z.required(Invoice), {
  startTime: unixSeconds(),
  endTime: unixSeconds(),
});
export const StrictPrepaidOrder = z.extend(
  z.required(PrepaidOrder, {
    orderId: true,
    customerId: true,
    amount: true,
    currency: true,
  }),
  { createTime: unixMillis(), expirationTime: z.optional(unixMillis()) },
);
export const StrictPlanAssignment = z.extend(z.required(PricingPlanAssignment), {
  startTime: unixMillis(),
});
