import { ErrorResponse } from '@amberkit/core/schemas';
import { describe, expect, test } from 'vitest';
import * as z from 'zod/mini';
import {
  acmeCustomer,
  examplePlanAssignment,
  examplePrepaidOrderRequest,
} from '../fixtures/examples.js';
import {
  StrictCustomer,
  StrictInvoice,
  StrictPlanAssignment,
  StrictPrepaidOrder,
} from './strict-schemas.js';
import { MODES, openHarness } from './test-support.js';

type Step = {
  method: string;
  path: string;
  json?: unknown;
  status: number;
  schema?: z.ZodMiniType;
};

const STEPS: Step[] = [
  {
    method: 'GET',
    path: '/customers',
    status: 200,
    schema: z.array(StrictCustomer).check(z.minLength(33)),
  },
  { method: 'GET', path: '/customers/customer-123456', status: 200, schema: StrictCustomer },
  {
    method: 'POST',
    path: '/customers',
    json: {
      customerId: 'sess-1',
      customerName: 'Session',
      address: { line1: '1 A St', city: 'Paris', country: 'FR' },
    },
    status: 200,
    schema: StrictCustomer,
  },
  {
    method: 'POST',
    path: '/customers',
    json: { customerId: 'sess-1', customerName: 'Again' },
    status: 400,
  },
  {
    method: 'PUT',
    path: '/customers',
    json: { ...acmeCustomer, customerName: 'Acme Corporation' },
    status: 200,
    schema: StrictCustomer,
  },
  {
    method: 'GET',
    path: '/payments-billing-customer-product-invoice?customerId=customer-123456',
    status: 200,
    schema: z.array(StrictInvoice).check(z.length(1)),
  },
  {
    method: 'GET',
    path: '/payments-billing-customer-product-invoice?customerId=demo-00003',
    status: 200,
    schema: z.array(StrictInvoice).check(z.length(4)),
  },
  {
    method: 'POST',
    path: '/payments-pricing-amberflo-customer-prepaid',
    json: examplePrepaidOrderRequest,
    status: 200,
    schema: StrictPrepaidOrder,
  },
  {
    method: 'POST',
    path: '/payments-pricing-amberflo-customer-pricing',
    json: examplePlanAssignment,
    status: 200,
    schema: StrictPlanAssignment,
  },
  {
    method: 'POST',
    path: '/payments-pricing-amberflo-customer-pricing',
    json: { customerId: 'sess-1', productId: 'plan-growth' },
    status: 200,
    schema: StrictPlanAssignment,
  },
  { method: 'DELETE', path: '/customers/sess-1', status: 200 },
  { method: 'GET', path: '/customers/sess-1', status: 404 },
  {
    method: 'POST',
    path: '/payments-pricing-amberflo-customer-prepaid',
    json: { customerId: 'sess-1', amount: 5 },
    status: 404,
  },
  { method: 'GET', path: '/payments-billing-customer-product-invoice', status: 400 },
];

describe.each(MODES)('a full scripted session (%s)', (mode) => {
  test('every answer has the expected status and passes the strict schema', async () => {
    await using h = await openHarness(mode);
    for (const step of STEPS) {
      const res = await h.call(step.path, { method: step.method, json: step.json });
      const label = `${step.method} ${step.path}`;
      expect(res.status, label).toBe(step.status);
      expect(res.headers.get('x-request-id'), label).toBeTruthy();
      const text = await res.text();
      if (step.status >= 400) {
        const error = ErrorResponse.parse(JSON.parse(text));
        expect(error.code, label).toMatch(/^[A-Z_]+$/);
        expect(error.message, label).toBeTruthy();
      } else if (step.schema) {
        expect(res.headers.get('content-type'), label).toContain('application/json');
        step.schema.parse(JSON.parse(text));
      } else {
        expect(text, label).toBe('');
      }
    }
    const log = h.emulator.requests();
    expect(log.map((e) => e.status)).toEqual(STEPS.map((s) => s.status));
  });
});
