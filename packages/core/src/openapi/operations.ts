import { type ComponentName, componentRef } from './components.js';
import * as examples from './examples.js';
import { parameter } from './parameters.js';
import type {
  HttpMethod,
  OpenApiExample,
  OpenApiMediaType,
  OpenApiOperation,
  OpenApiPathItem,
  OpenApiResponse,
} from './types.js';

type Body = ComponentName | { arrayOf: ComponentName };

type Examples = Record<string, OpenApiExample>;

const json = (body: Body, examples?: Examples): Record<string, OpenApiMediaType> => {
  const schema =
    typeof body === 'string'
      ? componentRef(body)
      : { type: 'array', items: componentRef(body.arrayOf) };
  return { 'application/json': examples === undefined ? { schema } : { schema, examples } };
};

const ok = (description: string, body?: Body, examples?: Examples): OpenApiResponse =>
  body === undefined ? { description } : { description, content: json(body, examples) };

const error = (description: string): OpenApiResponse => ({
  description,
  content: json('ErrorResponse'),
});

type Operation = Omit<OpenApiOperation, 'requestBody'> & {
  path: string;
  method: HttpMethod;
  body?: ComponentName;
  bodyExamples?: Examples;
};

/**
 * The spec's eight operations, word for word (design.md: our extension codes are not added
 * here). A function, so nothing is built at import time and each call gets fresh objects.
 */
const operations = (): Operation[] => [
  {
    path: '/customers',
    method: 'get',
    operationId: 'listCustomers',
    summary: 'Amberflo List All Customers',
    description: 'Retrieve a list of all customers in the account.',
    tags: ['Customers'],
    responses: {
      '200': ok(
        'Array of customer records',
        { arrayOf: 'Customer' },
        { ListCustomers200Example: examples.listCustomers200() },
      ),
      '401': error('Unauthorized'),
      '500': error('Internal server error'),
    },
  },
  {
    path: '/customers',
    method: 'post',
    operationId: 'createCustomer',
    summary: 'Amberflo Create a Customer',
    description: 'Create a new customer account in Amberflo.',
    tags: ['Customers'],
    parameters: [
      parameter(
        'autoCreateCustomerInStripe',
        'query',
        false,
        'Whether to auto-create the customer in Stripe',
        'if_payment_provider',
      ),
    ],
    body: 'CustomerRequest',
    bodyExamples: { CreateCustomerRequestExample: examples.createCustomerRequest() },
    responses: {
      '200': ok('Created customer record', 'Customer', {
        CreateCustomer200Example: examples.createCustomer200(),
      }),
      '400': error('Bad request — invalid data or duplicate customerId'),
      '401': error('Unauthorized'),
    },
  },
  {
    path: '/customers',
    method: 'put',
    operationId: 'updateCustomer',
    summary: 'Amberflo Update a Customer',
    description: "Update an existing customer's details.",
    tags: ['Customers'],
    body: 'Customer',
    responses: {
      '200': ok('Updated customer record', 'Customer'),
      '400': error('Bad request'),
      '401': error('Unauthorized'),
    },
  },
  {
    path: '/customers/{customerId}',
    method: 'get',
    operationId: 'getCustomerById',
    summary: 'Amberflo Get Customer by ID',
    description: 'Retrieve a specific customer by their unique identifier.',
    tags: ['Customers'],
    parameters: [
      parameter('customerId', 'path', true, 'Unique identifier of the customer', 'customer-123456'),
    ],
    responses: {
      '200': ok('Customer record', 'Customer'),
      '404': error('Customer not found'),
      '401': error('Unauthorized'),
    },
  },
  {
    path: '/customers/{customerId}',
    method: 'delete',
    operationId: 'deleteCustomer',
    summary: 'Amberflo Delete Customer by ID',
    description: 'Delete a customer account by their unique identifier.',
    tags: ['Customers'],
    parameters: [
      parameter(
        'customerId',
        'path',
        true,
        'Unique identifier of the customer to delete',
        'customer-123456',
      ),
    ],
    responses: {
      '200': ok('Customer deleted successfully'),
      '404': error('Customer not found'),
      '401': error('Unauthorized'),
    },
  },
  {
    path: '/payments-billing-customer-product-invoice',
    method: 'get',
    operationId: 'listInvoices',
    summary: 'Amberflo List Customer Invoices',
    description: 'Retrieve a list of invoices for a specific customer.',
    tags: ['Invoices'],
    parameters: [
      parameter(
        'customerId',
        'query',
        true,
        'Customer ID to retrieve invoices for',
        'customer-123456',
      ),
    ],
    responses: {
      '200': ok(
        'Array of invoices',
        { arrayOf: 'Invoice' },
        { ListInvoices200Example: examples.listInvoices200() },
      ),
      '401': error('Unauthorized'),
    },
  },
  {
    path: '/payments-pricing-amberflo-customer-prepaid',
    method: 'post',
    operationId: 'createPrepaidOrder',
    summary: 'Amberflo Create Prepaid Order',
    description: 'Create a prepaid credit order for a customer.',
    tags: ['Prepaid Orders'],
    body: 'PrepaidOrderRequest',
    bodyExamples: { CreatePrepaidOrderRequestExample: examples.createPrepaidOrderRequest() },
    responses: {
      '200': ok('Created prepaid order', 'PrepaidOrder'),
      '400': error('Bad request'),
      '401': error('Unauthorized'),
    },
  },
  {
    path: '/payments-pricing-amberflo-customer-pricing',
    method: 'post',
    operationId: 'assignPricingPlan',
    summary: 'Amberflo Assign Pricing Plan to Customer',
    description: 'Assign a pricing plan to a customer account.',
    tags: ['Pricing Plans'],
    body: 'PricingPlanAssignment',
    responses: {
      '200': ok('Pricing plan assigned successfully', 'PricingPlanAssignment'),
      '400': error('Bad request'),
      '401': error('Unauthorized'),
    },
  },
];

/** The spec's `paths` object, fresh on every call so callers may change it. */
export function specPaths(): Record<string, OpenApiPathItem> {
  const paths: Record<string, OpenApiPathItem> = {};
  for (const { path, method, body, bodyExamples, ...operation } of operations()) {
    const item = paths[path] ?? {};
    paths[path] = item;
    item[method] =
      body === undefined
        ? operation
        : { ...operation, requestBody: { required: true, content: json(body, bodyExamples) } };
  }
  return paths;
}
