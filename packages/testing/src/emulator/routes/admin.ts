import * as z from 'zod/mini';
import { DATASET_NAMES } from '../../fixtures/datasets.js';
import { MAX_SEED } from '../../fixtures/random.js';
import { FaultRulesBody } from '../fault-rules.js';
import { HttpProblem, jsonResponse, unknownBodyCustomer } from '../problem.js';
import { readJsonBody } from '../read-body.js';
import { route } from '../route.js';
import type { EmulatorApp, EmulatorContext, EmulatorState } from '../state.js';
import { AddInvoicesBody, completeInvoices } from './admin-invoices.js';

export const ADMIN_PREFIX = '/_emulator';

/** The PRNG state is 32 bits: a wider seed would give another seed's data. */
const SEED_RANGE = `must be an integer from 0 to ${MAX_SEED}`;
const ResetBody = z.strictObject({
  dataset: z.optional(z.enum(DATASET_NAMES)),
  seed: z.optional(z.int().check(z.gte(0, SEED_RANGE), z.lte(MAX_SEED, SEED_RANGE))),
});

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
      if (!account.getCustomer(body.customerId)) throw unknownBodyCustomer(body.customerId);
      const nowSeconds = Math.floor(state.clock() / 1000);
      const stored = completeInvoices(body, account, nowSeconds, () => state.nextId('inv'));
      for (const invoice of stored) account.addInvoice(invoice);
      state.changed();
      return ok(c, stored);
    },
  });
}
