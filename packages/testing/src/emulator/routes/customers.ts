import { Customer, CustomerRequest, SPEC_LIFECYCLE_STAGES } from '@amberkit/core/schemas';
import * as z from 'zod/mini';
import { HttpProblem, jsonResponse } from '../problem.js';
import { readJsonBody } from '../read-body.js';
import { route } from '../route.js';
import type { EmulatorApp, EmulatorContext, EmulatorState } from '../state.js';
import { unixMillis } from '../time-fields.js';

/**
 * POST and PUT store what they are given, so both take the spec's `Customer` with the
 * request's stricter field rules: every field the spec types is checked (`enabled`,
 * `deactivateTimeStamp` are Customer-only, and stored data must read back and reload), while
 * unknown fields are kept. Only the spec's lifecycle stages are accepted (the live API's
 * `TRIAL` is tolerated on read, not stored), and `deactivateTimeStamp` is held to milliseconds
 * like every other ms field. Server fields are not checked: design.md says they are ignored,
 * so a body echoed back from any server (even one that sent `deleteTime: null`) is accepted.
 */
const CustomerBody = z.extend(Customer, {
  ...CustomerRequest.shape,
  lifecycleStage: z.optional(
    z.enum(SPEC_LIFECYCLE_STAGES, `must be one of ${SPEC_LIFECYCLE_STAGES.join(', ')}`),
  ),
  deactivateTimeStamp: z.optional(unixMillis()),
  createTime: z.optional(z.unknown()),
  updateTime: z.optional(z.unknown()),
  deleteTime: z.optional(z.unknown()),
});

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
      const body = await readJsonBody(c.req.raw, CustomerBody);
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
      // Server fields are set here, whatever the body sent.
      const { createTime: _c, updateTime: _u, deleteTime: _d, ...fields } = body;
      const json = account.putCustomer({ ...fields, createTime: now, updateTime: now });
      state.changed();
      return jsonResponse(c.get('requestId'), 200, json);
    },
    PUT: async (c) => {
      const body = await readJsonBody(c.req.raw, CustomerBody);
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
