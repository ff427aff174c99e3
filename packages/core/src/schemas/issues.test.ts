import { describe, expect, test } from 'vitest';
import * as classic from 'zod';
import * as z from 'zod/mini';
import { Address, CustomerRequest, errorCodeForStatus, PrepaidOrderRequest } from './index.js';
import { describeIssues, toErrorIssues } from './issues.js';

const issuesOf = (schema: z.ZodMiniType, value: unknown) => {
  const result = schema.safeParse(value);
  if (result.success) throw new Error('expected a failure');
  return toErrorIssues(result.error, value);
};

describe('toErrorIssues', () => {
  test('names every field with a message a person can act on', () => {
    const issues = issuesOf(CustomerRequest, {
      customerId: '',
      customerName: 42,
      customerEmail: 'nope',
      lifecycleStage: 'CHURNED',
      address: { line1: 'x', city: 'y' },
    });
    expect(issues).toEqual([
      { path: 'customerId', message: 'must not be empty' },
      { path: 'customerName', message: 'must be a string' },
      { path: 'customerEmail', message: 'must be an email address' },
      {
        path: 'lifecycleStage',
        message: 'must be one of ONBOARDING, TRAIL, TRIAL, ACTIVE, OFFBOARDED',
      },
      { path: 'address.country', message: 'is required' },
    ]);
  });

  test('keeps our own messages and words bounds and integers', () => {
    expect(issuesOf(PrepaidOrderRequest, { customerId: 'c', amount: 0, currency: 'usd' })).toEqual([
      { path: 'amount', message: 'must be > 0' },
      { path: 'currency', message: 'must be an ISO 4217 code such as USD' },
    ]);
    // Three capitals, but no currency: its amount could not be read back exactly.
    expect(issuesOf(PrepaidOrderRequest, { customerId: 'c', amount: 1, currency: 'ZZZ' })).toEqual([
      { path: 'currency', message: 'is not an ISO 4217 currency code' },
    ]);
    expect(
      issuesOf(PrepaidOrderRequest, { customerId: 'c', amount: 1, expirationTime: 1.5 }),
    ).toEqual([{ path: 'expirationTime', message: 'must be an integer' }]);
    const custom = z.string().check(z.minLength(3, 'needs three letters'));
    expect(issuesOf(custom, 'ab')).toEqual([{ path: '(body)', message: 'needs three letters' }]);
  });

  test('reads the same whether or not classic zod (and its locale) is loaded', () => {
    // Loading classic zod installs its English locale globally; our wording must not change.
    classic.config(classic.locales.en());
    expect(issuesOf(CustomerRequest, { customerId: 'c', customerName: '' })).toEqual([
      { path: 'customerName', message: 'must not be empty' },
    ]);
    expect(issuesOf(Address, { line1: 'x', city: 'c' })).toEqual([
      { path: 'country', message: 'is required' },
    ]);
  });

  test('without the input, an absent field still gets a usable message', () => {
    const result = CustomerRequest.safeParse({ customerId: 'c' });
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(toErrorIssues(result.error)).toEqual([
        { path: 'customerName', message: 'must be a string' },
      ]);
    }
  });

  test('describeIssues makes one line', () => {
    expect(
      describeIssues([
        { path: 'a', message: 'is required' },
        { path: 'b.c', message: 'must be a string' },
      ]),
    ).toBe('a: is required; b.c: must be a string');
  });
});

describe('errorCodeForStatus', () => {
  test('maps the statuses the design names and falls back by class', () => {
    expect(errorCodeForStatus(404)).toBe('NOT_FOUND');
    expect(errorCodeForStatus(429)).toBe('RATE_LIMITED');
    expect(errorCodeForStatus(504)).toBe('UPSTREAM_TIMEOUT');
    expect(errorCodeForStatus(422)).toBe('VALIDATION_FAILED');
    expect(errorCodeForStatus(599)).toBe('INTERNAL');
  });
});
