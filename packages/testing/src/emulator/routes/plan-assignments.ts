import { type PricingPlanAssignment, PricingPlanAssignmentRequest } from '@amberkit/core/schemas';
import * as z from 'zod/mini';
import { jsonResponse, unknownBodyCustomer } from '../problem.js';
import { readJsonBody } from '../read-body.js';
import { route } from '../route.js';
import type { EmulatorApp, EmulatorState } from '../state.js';
import { unixMillis } from '../time-fields.js';

export const PLAN_PATH = '/payments-pricing-amberflo-customer-pricing';

/** Core's request schema, with `startTime` held to milliseconds (seconds are the live API's). */
const PlanBody = z.extend(PricingPlanAssignmentRequest, { startTime: z.optional(unixMillis()) });

/** Plan assignments are stored and echoed; `startTime` (ms) defaults to now. */
export function registerPlanAssignmentRoutes(app: EmulatorApp, state: EmulatorState): void {
  route(app, PLAN_PATH, {
    POST: async (c) => {
      const body = await readJsonBody(c.req.raw, PlanBody);
      const account = c.get('account');
      if (!account.getCustomer(body.customerId)) throw unknownBodyCustomer(body.customerId);
      const assignment: PricingPlanAssignment = {
        ...body,
        startTime: body.startTime ?? state.clock(),
      };
      account.addPlanAssignment(assignment);
      state.changed();
      return jsonResponse(c.get('requestId'), 200, JSON.stringify(assignment));
    },
  });
}
