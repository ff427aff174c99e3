import {
  Customer,
  CustomerRequest,
  PrepaidOrderRequest,
  PricingPlanAssignmentRequest,
} from '@amberkit/core/schemas';
import type * as z from 'zod/mini';
import type { Scope } from '../auth/scopes.js';
import type { CacheKeys, CacheRoute } from '../cache/cache-policy.js';

type Body = { readonly customerId?: unknown };

/** One of the spec's eight operations as the proxy serves it. */
export type Operation = {
  readonly id: string;
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Hono route pattern, the spec's path. */
  readonly path: string;
  readonly scope: Scope;
  /** The query parameters the spec gives it; any other is refused (400), as is one sent twice. */
  readonly query?: readonly string[];
  /** Request body schema from core, for writes. */
  readonly body?: z.ZodMiniType;
  /** For cached GETs: which route policy applies. */
  readonly cache?: CacheRoute;
  /** Cache keys a successful or failed write makes out of date. */
  readonly invalidates?: (keys: CacheKeys, customerId: string | undefined) => string[];
};

const customerWrite = (keys: CacheKeys, id: string | undefined) =>
  id === undefined ? [keys.customers()] : [keys.customers(), keys.customer(id)];
const invoicesWrite = (keys: CacheKeys, id: string | undefined) =>
  id === undefined ? [] : [keys.invoices(id)];

export const OPERATIONS: readonly Operation[] = [
  {
    id: 'listCustomers',
    method: 'GET',
    path: '/customers',
    scope: 'customers:read',
    cache: 'customers',
  },
  {
    id: 'createCustomer',
    method: 'POST',
    path: '/customers',
    scope: 'customers:write',
    query: ['autoCreateCustomerInStripe'],
    body: CustomerRequest,
    invalidates: customerWrite,
  },
  {
    id: 'updateCustomer',
    method: 'PUT',
    path: '/customers',
    scope: 'customers:write',
    body: Customer,
    invalidates: customerWrite,
  },
  {
    id: 'getCustomerById',
    method: 'GET',
    path: '/customers/:customerId',
    scope: 'customers:read',
    cache: 'customer',
  },
  {
    id: 'deleteCustomer',
    method: 'DELETE',
    path: '/customers/:customerId',
    scope: 'customers:write',
    invalidates: customerWrite,
  },
  {
    id: 'listInvoices',
    method: 'GET',
    path: '/payments-billing-customer-product-invoice',
    scope: 'invoices:read',
    query: ['customerId'],
    cache: 'invoices',
  },
  {
    id: 'createPrepaidOrder',
    method: 'POST',
    path: '/payments-pricing-amberflo-customer-prepaid',
    scope: 'prepaid:write',
    body: PrepaidOrderRequest,
    invalidates: invoicesWrite,
  },
  {
    id: 'assignPricingPlan',
    method: 'POST',
    path: '/payments-pricing-amberflo-customer-pricing',
    scope: 'plans:write',
    body: PricingPlanAssignmentRequest,
    invalidates: invoicesWrite,
  },
];

/** The customer a body names, if it names one as a string. */
export function bodyCustomerId(body: unknown): string | undefined {
  const id = (body as Body | null)?.customerId;
  return typeof id === 'string' ? id : undefined;
}

/** Methods allowed on each path, for 405 `Allow`. */
export function allowedMethods(): Map<string, string[]> {
  const byPath = new Map<string, string[]>();
  for (const op of OPERATIONS) byPath.set(op.path, [...(byPath.get(op.path) ?? []), op.method]);
  for (const methods of byPath.values()) if (methods.includes('GET')) methods.push('HEAD');
  return byPath;
}
