import { parseClientOptions } from './client-options.js';
import { createHttp } from './http.js';
import { createObserver } from './observe.js';
import type { AmberfloClientOptions } from './options.js';
import { type CustomersApi, customersApi } from './resources/customers.js';
import { type InvoicesApi, invoicesApi } from './resources/invoices.js';
import { type PrepaidOrdersApi, prepaidOrdersApi } from './resources/prepaid-orders.js';
import { type PricingPlansApi, pricingPlansApi } from './resources/pricing-plans.js';
import { resolveRetry } from './retry.js';

/** A typed Amberflo Billing API client: one method per operation of the spec. */
export type AmberfloClient = {
  readonly customers: CustomersApi;
  readonly invoices: InvoicesApi;
  readonly prepaidOrders: PrepaidOrdersApi;
  readonly pricingPlans: PricingPlansApi;
};

/**
 * Creates a client. Each client owns its ky instance, hooks and settings; two clients never
 * share state. Bodies are validated before sending, responses after receiving (per
 * `validateResponses`), GET/PUT/DELETE are retried with jittered backoff, and `timeoutMs`
 * bounds a whole call including its retries.
 *
 * @example
 * ```ts
 * import { createAmberfloClient, NotFoundError } from '@amberkit/core/client';
 *
 * const amberflo = createAmberfloClient({ apiKey: env.AMBERFLO_API_KEY, timeoutMs: 10_000 });
 * const customer = await amberflo.customers.create({
 *   customerId: 'customer-123456',
 *   customerName: 'Acme Corp',
 *   customerEmail: 'billing@acme.com',
 * });
 * const invoices = await amberflo.invoices.list({ customerId: customer.customerId });
 * ```
 *
 * @example
 * ```ts
 * // Behind the amberkit proxy, with logging and a caller-controlled abort.
 * const client = createAmberfloClient({
 *   apiKey: callerKey,
 *   baseUrl: 'http://127.0.0.1:8787',
 *   retry: { limit: 3, maxRetryAfterMs: 5_000 },
 *   hooks: { onRetry: (e) => metrics.count('amberflo.retry', { status: e.status }) },
 * });
 * const customers = await client.customers.list({ signal: AbortSignal.timeout(2_000) });
 * ```
 */
export function createAmberfloClient(options: AmberfloClientOptions): AmberfloClient {
  const parsed = parseClientOptions(options);
  const http = createHttp({
    apiKey: parsed.apiKey,
    baseUrl: parsed.baseUrl,
    timeoutMs: parsed.timeoutMs,
    retry: resolveRetry(parsed.retry),
    fetch: options.fetch,
    headers: parsed.headers,
    validateResponses: parsed.validateResponses,
    observer: createObserver(options.hooks, options.logger),
  });
  return Object.freeze({
    customers: customersApi(http),
    invoices: invoicesApi(http),
    prepaidOrders: prepaidOrdersApi(http),
    pricingPlans: pricingPlansApi(http),
  });
}
