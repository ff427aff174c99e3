import type { Invoice } from '../../schemas/index.js';
import { InvoiceList } from '../../schemas/lists.js';
import type { Http } from '../http.js';
import type { RequestOptions } from '../options.js';
import { CustomerIdQuery } from '../path-params.js';
import { validateRequest } from '../validate.js';

const PATH = '/payments-billing-customer-product-invoice';

/** `client.invoices`. Invoice period bounds are Unix **seconds**. */
export type InvoicesApi = {
  /** `GET /payments-billing-customer-product-invoice?customerId=` (listInvoices). */
  list(query: { customerId: string }, options?: RequestOptions): Promise<Invoice[]>;
};

export function invoicesApi(http: Http): InvoicesApi {
  return {
    list: async (query, options) => {
      const { customerId } = validateRequest(CustomerIdQuery, query, http.context('GET', PATH));
      return http.send({
        method: 'GET',
        path: PATH,
        query: { customerId },
        response: InvoiceList,
        signal: options?.signal,
      });
    },
  };
}
