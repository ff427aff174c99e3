import { describe, expect, test } from 'vitest';
import { CustomerList } from '../schemas/lists.js';
import { ResponseValidationError } from './error-classes.js';
import { validateResponse } from './validate.js';

const ctx = {
  method: 'GET',
  path: '/customers',
  secrets: ['secret-key'],
  status: 200,
  requestId: 'req-1',
};
const good = { customerId: 'c-1', customerName: 'Acme', customerEmail: 'billing@acme.com' };

describe('validateResponse with the compiled list schema', () => {
  test('strict returns the parsed list, unknown fields kept', () => {
    const warnings: unknown[] = [];
    const data = [{ ...good, extra: 1 }];
    const out = validateResponse(CustomerList, data, ctx, 'strict', (i) => warnings.push(i));
    expect(out).toEqual(data);
    expect(out[0]).not.toBe(data[0]);
    expect(warnings).toEqual([]);
  });

  test('strict names absent fields as required and bad ones by what they must be', () => {
    const data = [good, { customerName: 'No id', customerEmail: 'nope' }];
    let thrown: unknown;
    try {
      validateResponse(CustomerList, data, ctx, 'strict', () => undefined);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ResponseValidationError);
    expect((thrown as ResponseValidationError).issues).toEqual([
      { path: '1.customerId', message: 'is required' },
      { path: '1.customerEmail', message: 'must be an email address' },
    ]);
  });

  test('warn hands back the body as received; off skips the parse', () => {
    const data = [{ customerId: 5 }];
    const warnings: unknown[] = [];
    expect(validateResponse(CustomerList, data, ctx, 'warn', (i) => warnings.push(i))).toBe(data);
    expect(warnings).toEqual([
      [
        { path: '0.customerId', message: 'must be a string' },
        { path: '0.customerName', message: 'is required' },
      ],
    ]);
    expect(validateResponse(CustomerList, data, ctx, 'off', () => undefined)).toBe(data);
  });
});
