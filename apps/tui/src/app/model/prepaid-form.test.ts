import { describe, expect, test } from 'vitest';
import { validatePrepaidForm } from './prepaid-form.js';

describe('validatePrepaidForm', () => {
  test('parses the amount as money in the currency, exactly', () => {
    const result = validatePrepaidForm('c-1', {
      amount: '1,234.56',
      currency: 'usd',
      expiration: '',
    });
    expect(result).toMatchObject({
      ok: true,
      body: { customerId: 'c-1', amount: 1234.56, currency: 'USD' },
    });
    expect(result.ok && result.body).not.toHaveProperty('expirationTime');
  });

  test('refuses what the currency cannot hold, zero, and junk dates', () => {
    expect(
      validatePrepaidForm('c', { amount: '5.5', currency: 'JPY', expiration: '' }),
    ).toMatchObject({ ok: false, errors: { amount: expect.any(String) } });
    expect(
      validatePrepaidForm('c', { amount: '0', currency: 'USD', expiration: '' }),
    ).toMatchObject({ ok: false, errors: { amount: 'must be more than zero' } });
    expect(
      validatePrepaidForm('c', { amount: '', currency: 'USD', expiration: 'soon' }),
    ).toMatchObject({
      ok: false,
      errors: { amount: 'is required', expiration: expect.any(String) },
    });
  });

  test('an expiry after 2199 is named as out of range, not as a count of milliseconds', () => {
    expect(
      validatePrepaidForm('c', { amount: '5', currency: 'USD', expiration: '9999-12-31' }),
    ).toEqual({
      ok: false,
      errors: {
        expiration: expect.stringMatching(
          /^is 9999-12-31 \d\d:00 UTC: must be before 2200-01-01 00:00 UTC$/,
        ),
      },
    });
  });
});
