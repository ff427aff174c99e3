import { Customer, Invoice, PrepaidOrder, PricingPlanAssignment } from '@amberkit/core/schemas';
import * as z from 'zod/mini';

const millis = z
  .int()
  .check(z.nonnegative(), z.minimum(100_000_000_000, 'expected Unix milliseconds'));
const seconds = z.int().check(z.nonnegative(), z.maximum(99_999_999_999, 'expected Unix seconds'));

/**
 * The emulator's output contract, stricter than the spec (where `{}` is a valid Invoice):
 * every field the emulator knows is present, with times in the right unit.
 */
export const StrictCustomer = z.extend(Customer, { createTime: millis, updateTime: millis });
export const StrictInvoice = z.extend(z.required(Invoice), {
  startTime: seconds,
  endTime: seconds,
});
export const StrictPrepaidOrder = z.required(PrepaidOrder, {
  orderId: true,
  customerId: true,
  amount: true,
  currency: true,
  createTime: true,
});
export const StrictPlanAssignment = z.extend(z.required(PricingPlanAssignment), {
  startTime: millis,
});
