import { Invoice } from '@amberkit/core/schemas';
import * as z from 'zod/mini';
import { DATASET_NAMES } from '../../fixtures/datasets.js';
import { FaultRulesBody } from '../fault-rules.js';
import { HttpProblem, jsonResponse } from '../problem.js';
import { readJsonBody } from '../read-body.js';
import { route } from '../route.js';
import type { EmulatorApp, EmulatorContext, EmulatorState } from '../state.js';

export const ADMIN_PREFIX = '/_emulator';

const ResetBody = z.strictObject({
  dataset: z.optional(z.enum(DATASET_NAMES)),
  seed: z.optional(z.int()),
});

// A refinement, not a bound, so the message (the likely mistake) reaches the caller.
const seconds = z.int().check(
  z.nonnegative(),
  z.refine((n) => n <= 99_999_999_999, 'looks like milliseconds; invoice times are Unix seconds'),
);
const PartialInvoice = z.extend(Invoice, {
  startTime: z.optional(seconds),
  endTime: z.optional(seconds),
  currency: z.optional(
    z.string().check(z.regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as USD')),
  ),
});
const AddInvoicesBody = z.strictObject({
  customerId: z.string().check(z.minLength(1)),
  invoices: z.array(PartialInvoice).check(z.maxLength(10_000)),
});

const MONTH_SECONDS = 30 * 86_400;

/** Admin calls pick an account by `X-API-KEY` when sent, else the first account. */
function adminAccount(c: EmulatorContext, state: EmulatorState) {
  const key = c.req.header('x-api-key');
  const account = key === undefined ? state.accountList[0] : state.accounts.get(key);
  if (!account)
    throw new HttpProblem(401, 'UNAUTHORIZED', 'The X-API-KEY header does not match any account');
  return account;
}

/** The admin API under `/_emulator/` (no key needed), exactly as design.md's table gives it. */
export function registerAdminRoutes(app: EmulatorApp, state: EmulatorState): void {
  const ok = (c: EmulatorContext, body: unknown) =>
    jsonResponse(c.get('requestId'), 200, JSON.stringify(body));

  route(app, `${ADMIN_PREFIX}/health`, {
    GET: (c) => ok(c, { status: 'ok', accounts: state.accountList.length }),
  });
  route(app, `${ADMIN_PREFIX}/reset`, {
    POST: async (c) => {
      const options = await readJsonBody(c.req.raw, ResetBody, { optional: true });
      state.reset(options);
      return ok(c, { status: 'ok', accounts: state.accountList.length });
    },
  });
  route(app, `${ADMIN_PREFIX}/requests`, {
    GET: (c) => ok(c, state.log.list()),
    DELETE: (c) => ok(c, { cleared: state.log.clear() }),
  });
  route(app, `${ADMIN_PREFIX}/faults`, {
    GET: (c) => ok(c, { rules: state.faults }),
    PUT: async (c) => {
      const { rules } = await readJsonBody(c.req.raw, FaultRulesBody);
      state.faults = rules;
      return ok(c, { rules });
    },
    DELETE: (c) => {
      state.faults = [];
      return ok(c, { rules: [] });
    },
  });
  route(app, `${ADMIN_PREFIX}/invoices`, {
    POST: async (c) => {
      const body = await readJsonBody(c.req.raw, AddInvoicesBody);
      const account = adminAccount(c, state);
      if (!account.getCustomer(body.customerId)) {
        throw new HttpProblem(
          404,
          'NOT_FOUND',
          `Customer ${JSON.stringify(body.customerId)} not found`,
          [{ path: 'customerId', message: 'no such customer' }],
        );
      }
      const nowSeconds = Math.floor(state.clock() / 1000);
      const stored = body.invoices.map((partial) => {
        const startTime = partial.startTime ?? (partial.endTime ?? nowSeconds) - MONTH_SECONDS;
        const invoice: Invoice = {
          invoiceId: partial.invoiceId ?? state.nextId('inv'),
          ...partial,
          customerId: body.customerId,
          startTime,
          endTime: partial.endTime ?? startTime + MONTH_SECONDS,
          totalAmount: partial.totalAmount ?? 0,
          currency: partial.currency ?? 'USD',
          status: partial.status ?? 'DRAFT',
        };
        account.addInvoice(invoice);
        return invoice;
      });
      state.changed();
      return ok(c, stored);
    },
  });
}
