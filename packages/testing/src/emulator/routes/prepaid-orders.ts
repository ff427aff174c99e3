import { type PrepaidOrder, PrepaidOrderRequest } from '@amberkit/core/schemas';
import { HttpProblem, jsonResponse } from '../problem.js';
import { readJsonBody } from '../read-body.js';
import { route } from '../route.js';
import type { EmulatorApp, EmulatorState } from '../state.js';

export const PREPAID_PATH = '/payments-pricing-amberflo-customer-prepaid';

/** Prepaid orders get an `orderId` and `createTime` (ms); `currency` defaults to USD. */
export function registerPrepaidOrderRoutes(app: EmulatorApp, state: EmulatorState): void {
  route(app, PREPAID_PATH, {
    POST: async (c) => {
      const {
        orderId: _id,
        createTime: _time,
        ...body
      } = await readJsonBody(c.req.raw, PrepaidOrderRequest);
      const account = c.get('account');
      if (!account.getCustomer(body.customerId)) {
        throw new HttpProblem(
          404,
          'NOT_FOUND',
          `Customer ${JSON.stringify(body.customerId)} not found`,
          [{ path: 'customerId', message: 'no such customer' }],
        );
      }
      const order: PrepaidOrder = {
        orderId: state.nextId('order'),
        ...body,
        currency: body.currency ?? 'USD',
        createTime: state.clock(),
      };
      account.addPrepaidOrder(order);
      state.changed();
      return jsonResponse(c.get('requestId'), 200, JSON.stringify(order));
    },
  });
}
