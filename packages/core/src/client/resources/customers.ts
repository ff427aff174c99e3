import { Customer, CustomerRequest } from '../../schemas/index.js';
import { CustomerList } from '../../schemas/lists.js';
import type { Http } from '../http.js';
import type { RequestOptions } from '../options.js';
import { CustomerIdParams } from '../path-params.js';
import { validateCustomerBody, validateRequest } from '../validate.js';

/** `client.customers`: one method per customer operation of the spec. */
export type CustomersApi = {
  /** `GET /customers` (listCustomers). */
  list(options?: RequestOptions): Promise<Customer[]>;
  /** `GET /customers/{customerId}` (getCustomerById). Throws NotFoundError when missing. */
  get(customerId: string, options?: RequestOptions): Promise<Customer>;
  /** `POST /customers` (createCustomer). Never retried. */
  create(
    body: CustomerRequest,
    options?: RequestOptions & { autoCreateCustomerInStripe?: boolean },
  ): Promise<Customer>;
  /** `PUT /customers` (updateCustomer): a full replacement; omitted traits are cleared. */
  update(body: Customer | CustomerRequest, options?: RequestOptions): Promise<Customer>;
  /** `DELETE /customers/{customerId}` (deleteCustomer). */
  delete(customerId: string, options?: RequestOptions): Promise<void>;
};

function idPath(http: Http, method: 'GET' | 'DELETE', customerId: string): string {
  const template = http.context(method, '/customers/{customerId}');
  const { customerId: id } = validateRequest(CustomerIdParams, { customerId }, template);
  return `/customers/${encodeURIComponent(id)}`;
}

export function customersApi(http: Http): CustomersApi {
  return {
    list: async (options) =>
      http.send({
        method: 'GET',
        path: '/customers',
        response: CustomerList,
        signal: options?.signal,
      }),
    get: async (customerId, options) =>
      http.send({
        method: 'GET',
        path: idPath(http, 'GET', customerId),
        response: Customer,
        emptyIsNotFound: true,
        signal: options?.signal,
      }),
    create: async (body, options) =>
      http.send({
        method: 'POST',
        path: '/customers',
        body: validateCustomerBody(CustomerRequest, body, http.context('POST', '/customers')),
        ...(options?.autoCreateCustomerInStripe
          ? { query: { autoCreateCustomerInStripe: 'if_payment_provider' } }
          : {}),
        response: Customer,
        signal: options?.signal,
      }),
    update: async (body, options) =>
      http.send({
        method: 'PUT',
        path: '/customers',
        body: validateCustomerBody(Customer, body, http.context('PUT', '/customers')),
        response: Customer,
        signal: options?.signal,
      }),
    delete: async (customerId, options) =>
      http.sendVoid({
        method: 'DELETE',
        path: idPath(http, 'DELETE', customerId),
        signal: options?.signal,
      }),
  };
}
