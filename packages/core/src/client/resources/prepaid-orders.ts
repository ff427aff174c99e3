import { PrepaidOrder, PrepaidOrderRequest } from '../../schemas/index.js';
import type { Http } from '../http.js';
import type { RequestOptions } from '../options.js';
import { validateCustomerBody } from '../validate.js';

const PATH = '/payments-pricing-amberflo-customer-prepaid';

/** `client.prepaidOrders`. Times are Unix milliseconds. */
export type PrepaidOrdersApi = {
  /** `POST /payments-pricing-amberflo-customer-prepaid` (createPrepaidOrder). Never retried. */
  create(body: PrepaidOrderRequest, options?: RequestOptions): Promise<PrepaidOrder>;
};

export function prepaidOrdersApi(http: Http): PrepaidOrdersApi {
  return {
    create: async (body, options) =>
      http.send({
        method: 'POST',
        path: PATH,
        body: validateCustomerBody(PrepaidOrderRequest, body, http.context('POST', PATH)),
        response: PrepaidOrder,
        signal: options?.signal,
      }),
  };
}
