import { type PrepaidOrder, PrepaidOrderRequest } from '@amberkit/core/schemas';
import * as z from 'zod/mini';
import { jsonResponse, unknownBodyCustomer } from '../problem.js';
import { readJsonBody } from '../read-body.js';
import { route } from '../route.js';
import type { EmulatorApp, EmulatorState } from '../state.js';
import { unixMillis } from '../time-fields.js';

export const PREPAID_PATH = '/payments-pricing-amberflo-customer-prepaid';

/** Core's request schema, with `expirationTime` held to milliseconds (seconds are the live API's). */
const PrepaidBody = z.extend(PrepaidOrderRequest, { expirationTime: z.optional(unixMillis()) });

/** Prepaid orders get an `orderId` and `createTime` (ms); `currency` defaults to USD. */
export function registerPrepaidOrderRoutes(app: EmulatorApp, state: EmulatorState): void {
  route(app, PREPAID_PATH, {
    POST: async (c) => {
      const {
        orderId: _id,
        createTime: _time,
        ...body
      } = await readJsonBody(c.req.raw, PrepaidBody);
      const account = c.get('account');
      if (!account.getCustomer(body.customerId)) throw unknownBodyCustomer(body.customerId);
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
