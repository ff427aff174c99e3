import { Customer, CustomerRequest } from '@amberkit/core/schemas';
import * as z from 'zod/mini';
import { HttpProblem, jsonResponse } from '../problem.js';
import { readJsonBody } from '../read-body.js';
import { route } from '../route.js';
import type { EmulatorApp, EmulatorContext, EmulatorState } from '../state.js';

/** Set by the server only; ignored when a client sends them, whatever their value. */
const SERVER_FIELDS = ['createTime', 'updateTime', 'deleteTime'] as const;

/**
 * PUT takes the spec's `Customer`, with the request's stricter field rules. Server fields are
 * not checked: design.md says they are ignored, so a body echoed back from any server (even
 * one that sent `deleteTime: null`) is accepted.
 */
const CustomerUpdateBody = z.extend(Customer, {
  ...CustomerRequest.shape,
  createTime: z.optional(z.unknown()),
  updateTime: z.optional(z.unknown()),
  deleteTime: z.optional(z.unknown()),
});

function withoutServerFields<T extends Record<string, unknown>>(body: T): T {
  const copy = { ...body };
  for (const field of SERVER_FIELDS) delete copy[field];
  return copy;
}

const notFound = (customerId: string) =>
  new HttpProblem(404, 'NOT_FOUND', `Customer ${JSON.stringify(customerId)} not found`);

function checkStripeFlag(c: EmulatorContext): void {
  const flag = c.req.query('autoCreateCustomerInStripe');
  if (flag !== undefined && flag !== 'if_payment_provider') {
    const message = 'must be "if_payment_provider" when present';
    throw new HttpProblem(
      400,
      'VALIDATION_FAILED',
      `Invalid query: autoCreateCustomerInStripe ${message}`,
      [{ path: 'autoCreateCustomerInStripe', message }],
    );
  }
}

/** The four customer operations, on the spec's paths. */
export function registerCustomerRoutes(app: EmulatorApp, state: EmulatorState): void {
  route(app, '/customers', {
    GET: (c) => jsonResponse(c.get('requestId'), 200, c.get('account').listBody()),
    POST: async (c) => {
      checkStripeFlag(c);
      const body = await readJsonBody(c.req.raw, CustomerRequest);
      const account = c.get('account');
      if (account.getCustomer(body.customerId)) {
        throw new HttpProblem(
          400,
          'CONFLICT',
          `Customer ${JSON.stringify(body.customerId)} already exists`,
          [{ path: 'customerId', message: 'already exists' }],
        );
      }
      const now = state.clock();
      const json = account.putCustomer({
        ...withoutServerFields(body),
        createTime: now,
        updateTime: now,
      });
      state.changed();
      return jsonResponse(c.get('requestId'), 200, json);
    },
    PUT: async (c) => {
      const body = await readJsonBody(c.req.raw, CustomerUpdateBody);
      const account = c.get('account');
      const previous = account.getCustomer(body.customerId);
      if (!previous) throw notFound(body.customerId);
      // A full replacement: omitted fields are cleared. updateTime always moves forward, even
      // when a frozen test clock has not.
      const updateTime = Math.max(state.clock(), (previous.updateTime ?? 0) + 1);
      const { createTime: _c, updateTime: _u, deleteTime: _d, ...fields } = body;
      const customer = { ...fields, createTime: previous.createTime, updateTime };
      const json = account.putCustomer(customer);
      state.changed();
      return jsonResponse(c.get('requestId'), 200, json);
    },
  });

  route(app, '/customers/:customerId', {
    GET: (c) => {
      const customerId = c.req.param('customerId') ?? '';
      const json = c.get('account').customerJson(customerId);
      if (json === undefined) throw notFound(customerId);
      return jsonResponse(c.get('requestId'), 200, json);
    },
    DELETE: (c) => {
      const customerId = c.req.param('customerId') ?? '';
      if (!c.get('account').deleteCustomer(customerId)) throw notFound(customerId);
      state.changed();
      return jsonResponse(c.get('requestId'), 200, null);
    },
  });
}
