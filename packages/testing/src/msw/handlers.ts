import { HttpResponse, http, type RequestHandler } from 'msw';
import type { Emulator } from '../emulator/create-emulator.js';
import { ADMIN_PREFIX } from '../emulator/routes/admin.js';
import { INVOICES_PATH } from '../emulator/routes/invoices.js';
import { PLAN_PATH } from '../emulator/routes/plan-assignments.js';
import { PREPAID_PATH } from '../emulator/routes/prepaid-orders.js';

export type AmberfloHandlersOptions = {
  /**
   * What your code calls: an origin with an optional path, such as a proxy mount
   * (`https://gateway.internal/amberflo`); default `https://app.amberflo.io`.
   */
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
  const given = options.baseUrl ?? 'https://app.amberflo.io';
  if (!/^https?:\/\//i.test(given) || !URL.canParse(given) || /[?#]/.test(given)) {
    throw new TypeError(
      'amberfloHandlers: baseUrl must be an http(s) URL with an optional path, without ?query or #fragment',
    );
  }
  const url = new URL(given);
  // The path your code puts before every operation; the emulator serves the spec's paths.
  const prefix = url.pathname.replace(/\/+$/, '');
  const base = `${url.origin}${prefix}`;
  const toEmulator = async (request: Request): Promise<Request> => {
    if (prefix === '') return request;
    const target = new URL(request.url);
    target.pathname = target.pathname.slice(prefix.length) || '/';
    const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
    return new Request(target, {
      method: request.method,
      headers: request.headers,
      body: hasBody ? await request.arrayBuffer() : null,
      signal: request.signal,
    });
  };
  const delegate = async ({ request }: { request: Request }) => {
    try {
      return await emulator.fetch(await toEmulator(request));
    } catch (error) {
      // A dropped connection: MSW's way to make the caller's fetch reject.
      if (error instanceof TypeError) return HttpResponse.error();
      throw error;
    }
  };
  return PATHS.map((path) => http.all(`${base}${path}`, delegate));
}
