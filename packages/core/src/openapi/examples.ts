import type { OpenApiExample } from './types.js';

/*
 * The spec's operation examples, word for word, so documentation rendered from the document
 * shows what the spec shows. Functions, so nothing is allocated at import time.
 */

const acme = () => ({
  customerId: 'customer-123456',
  customerName: 'Acme Corp',
  customerEmail: 'billing@acme.com',
  lifecycleStage: 'ACTIVE',
});

const stamps = { createTime: 1718153645993, updateTime: 1718153645993 };

export const listCustomers200 = (): OpenApiExample => ({
  summary: 'Default listCustomers 200 response',
  value: [{ ...acme(), ...stamps, test: false }],
});

export const createCustomerRequest = (): OpenApiExample => ({
  summary: 'Default createCustomer request',
  value: { ...acme(), test: false },
});

export const createCustomer200 = (): OpenApiExample => ({
  summary: 'Default createCustomer 200 response',
  value: { ...acme(), ...stamps },
});

export const listInvoices200 = (): OpenApiExample => ({
  summary: 'Default listInvoices 200 response',
  value: [
    {
      invoiceId: 'inv-500123',
      customerId: 'customer-123456',
      startTime: 1718100000,
      endTime: 1718186400,
      totalAmount: 99.5,
      currency: 'USD',
      status: 'PAID',
    },
  ],
});

export const createPrepaidOrderRequest = (): OpenApiExample => ({
  summary: 'Default createPrepaidOrder request',
  value: {
    customerId: 'customer-123456',
    amount: 500,
    currency: 'USD',
    expirationTime: 1749686400000,
  },
});
