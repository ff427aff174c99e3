import { type PricingPlanAssignment, PricingPlanAssignmentRequest } from '@amberkit/core/schemas';
import { HttpProblem, jsonResponse } from '../problem.js';
import { readJsonBody } from '../read-body.js';
import { route } from '../route.js';
import type { EmulatorApp, EmulatorState } from '../state.js';

export const PLAN_PATH = '/payments-pricing-amberflo-customer-pricing';

/** Plan assignments are stored and echoed; `startTime` (ms) defaults to now. */
export function registerPlanAssignmentRoutes(app: EmulatorApp, state: EmulatorState): void {
  route(app, PLAN_PATH, {
    POST: async (c) => {
      const body = await readJsonBody(c.req.raw, PricingPlanAssignmentRequest);
      const account = c.get('account');
      if (!account.getCustomer(body.customerId)) {
        throw new HttpProblem(
          404,
          'NOT_FOUND',
          `Customer ${JSON.stringify(body.customerId)} not found`,
          [{ path: 'customerId', message: 'no such customer' }],
        );
      }
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
