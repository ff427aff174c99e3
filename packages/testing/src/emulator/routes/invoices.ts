import { HttpProblem, jsonResponse } from '../problem.js';
import { route } from '../route.js';
import type { EmulatorApp } from '../state.js';

export const INVOICES_PATH = '/payments-billing-customer-product-invoice';

/** Invoices per customer; an unknown customer has none (200 `[]`), as design.md pins it. */
export function registerInvoiceRoutes(app: EmulatorApp): void {
  route(app, INVOICES_PATH, {
    GET: (c) => {
      const customerId = c.req.query('customerId');
      if (customerId === undefined || customerId === '') {
        const message = 'required query parameter';
        throw new HttpProblem(
          400,
          'VALIDATION_FAILED',
          `Invalid query: customerId is a ${message}`,
          [{ path: 'customerId', message }],
        );
      }
      const invoices = c.get('account').invoicesOf(customerId);
      return jsonResponse(c.get('requestId'), 200, JSON.stringify(invoices));
    },
  });
}
