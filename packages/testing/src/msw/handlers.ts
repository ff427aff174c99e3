import { HttpResponse, http, type RequestHandler } from 'msw';
import type { Emulator } from '../emulator/create-emulator.js';
import { ADMIN_PREFIX } from '../emulator/routes/admin.js';
import { INVOICES_PATH } from '../emulator/routes/invoices.js';
import { PLAN_PATH } from '../emulator/routes/plan-assignments.js';
import { PREPAID_PATH } from '../emulator/routes/prepaid-orders.js';

export type AmberfloHandlersOptions = {
  /** The origin your code calls (default `https://app.amberflo.io`). */
  baseUrl?: string;
};

const PATHS = [
  '/customers',
  '/customers/:customerId',
  INVOICES_PATH,
  PREPAID_PATH,
  PLAN_PATH,
  `${ADMIN_PREFIX}/*`,
];

/**
 * MSW 2 handlers backed by the emulator's state: each one hands the request to
 * `emulator.fetch`, so validation, faults and data are exactly the emulator's.
 * @example
 * const server = setupServer(...amberfloHandlers(createEmulator()));
 */
export function amberfloHandlers(
  emulator: Emulator,
  options: AmberfloHandlersOptions = {},
): RequestHandler[] {
  const base = (options.baseUrl ?? 'https://app.amberflo.io').replace(/\/+$/, '');
  const delegate = async ({ request }: { request: Request }) => {
    try {
      return await emulator.fetch(request);
    } catch (error) {
      // A dropped connection: MSW's way to make the caller's fetch reject.
      if (error instanceof TypeError) return HttpResponse.error();
      throw error;
    }
  };
  return PATHS.map((path) => http.all(`${base}${path}`, delegate));
}
