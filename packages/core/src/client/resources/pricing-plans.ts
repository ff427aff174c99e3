import { PricingPlanAssignment, PricingPlanAssignmentRequest } from '../../schemas/index.js';
import type { Http } from '../http.js';
import type { RequestOptions } from '../options.js';
import { validateCustomerBody } from '../validate.js';

const PATH = '/payments-pricing-amberflo-customer-pricing';

/** `client.pricingPlans`. */
export type PricingPlansApi = {
  /** `POST /payments-pricing-amberflo-customer-pricing` (assignPricingPlan). Never retried. */
  assign(
    body: PricingPlanAssignmentRequest,
    options?: RequestOptions,
  ): Promise<PricingPlanAssignment>;
};

export function pricingPlansApi(http: Http): PricingPlansApi {
  return {
    assign: async (body, options) =>
      http.send({
        method: 'POST',
        path: PATH,
        body: validateCustomerBody(PricingPlanAssignmentRequest, body, http.context('POST', PATH)),
        response: PricingPlanAssignment,
        signal: options?.signal,
      }),
  };
}
