import type { Customer } from '@amberkit/core/schemas';
import { acmeCustomer } from '@amberkit/testing';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  customerToValues,
  formatTrait,
  parseTrait,
  validateCustomerForm,
} from './customer-form.js';

describe('validateCustomerForm', () => {
  test('controls are shown escaped in the form; an untouched save sends them exactly as they were', () => {
    const ESC = '\u001b';
    const original: Customer = {
      ...acmeCustomer,
      customerName: `Evil${ESC}[31mRED\nline2`,
      description: `d${ESC}]0;PWNED\u0007`,
      traits: { [`k${ESC}[1m`]: 'v\t1', plain: 'x' },
      address: { line1: `l${ESC}[2J`, city: 'c', country: 'US' },
    };
    const values = customerToValues(original);
    expect(values.customerName).toBe('Evil\\x1b[31mRED\\nline2');
    expect(values.description).toBe('d\\x1b]0;PWNED\\x07');
    // A trait key writes its backslashes as \\ (see formatTrait), the shown escape's too.
    expect(values['trait.0']).toBe('k\\\\x1b[1m=v\\t1');
    expect(values['address.line1']).toBe('l\\x1b[2J');
    const untouched = validateCustomerForm(values, original);
    expect(untouched.ok && untouched.body).toMatchObject({
      customerName: original.customerName,
      description: original.description,
      traits: original.traits,
      address: original.address,
    });
    // A field the person changed is sent as they saw and typed it.
    const changed = validateCustomerForm({ ...values, customerName: 'Evil\\x1b fixed' }, original);
    expect(changed.ok && changed.body.customerName).toBe('Evil\\x1b fixed');
  });

  test('an edit keeps fields the form does not show and drops server-set ones', () => {
    const original = { ...acmeCustomer, salesforceId: 'sf-1', traits: { a: '1' } };
    const result = validateCustomerForm(
      { ...customerToValues(original), customerName: 'Renamed' },
      original,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.body).toMatchObject({
      customerId: 'customer-123456',
      customerName: 'Renamed',
      salesforceId: 'sf-1',
      traits: { a: '1' },
    });
    expect(result.body).not.toHaveProperty('createTime');
    expect(result.body).not.toHaveProperty('updateTime');
  });

  test('emptied optional fields and all-empty addresses are left out, so the API clears them', () => {
    const original = {
      ...acmeCustomer,
      traits: { a: '1' },
      address: { line1: 'x', city: 'y', country: 'US' },
    };
    const values = {
      ...customerToValues(original),
      customerEmail: '',
      'trait.0': '',
      'address.line1': '',
      'address.city': '',
      'address.country': '',
    };
    const result = validateCustomerForm(values, original);
    expect(result.ok && result.body).toEqual(
      expect.not.objectContaining({
        customerEmail: expect.anything(),
        traits: expect.anything(),
        address: expect.anything(),
      }),
    );
  });

  test('errors are keyed by field path, traits by line', () => {
    const values = {
      ...customerToValues(),
      customerId: 'c',
      customerEmail: 'nope',
      'address.city': 'Paris',
      'trait.0': 'a=1',
      'trait.1': 'a=2',
      'trait.2': 'b',
    };
    const result = validateCustomerForm(values);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual([
      'address.country',
      'address.line1',
      'customerEmail',
      'customerName',
      'trait.1',
      'trait.2',
    ]);
    expect(result.errors.customerName).toBe('is required');
    expect(result.errors['address.line1']).toBe('is required');
    expect(result.errors['address.country']).toBe('is required');
    expect(result.errors.customerEmail).toBe('must be an email address');
    expect(result.errors['trait.1']).toBe('duplicate trait "a"');
  });

  test('trait names are data: constructor is kept, __proto__ refused rather than dropped', () => {
    const base = {
      ...customerToValues(),
      customerId: 'c',
      customerName: 'C',
      'trait.0': 'constructor=x',
    };
    const result = validateCustomerForm(base);
    expect(result.ok && Object.entries(result.body.traits ?? {})).toEqual([['constructor', 'x']]);
    expect(validateCustomerForm({ ...base, 'trait.1': '__proto__=y' })).toMatchObject({
      ok: false,
      errors: { 'trait.1': expect.stringContaining('__proto__') },
    });
  });

  test('an untouched save sends exactly the record: odd trait keys, spaces, no invented test', () => {
    const original: Customer = {
      customerId: 'c-1',
      customerName: ' Padded Co ',
      description: '',
      traits: {
        'utm=source': 'google',
        'a\\b': ' two  spaces ',
        'k\\=': '=x=',
        ' lead': 'v',
        url: 'https://x.example/?a=b',
      },
      address: { line1: '1 Main St', city: 'Lisbon', country: 'PT' },
      createTime: 1,
      updateTime: 2,
    };
    const result = validateCustomerForm(customerToValues(original), original);
    const { createTime: _c, updateTime: _u, ...expected } = original;
    expect(result).toEqual({ ok: true, body: expected, createInStripe: false });
    expect(result.ok && Object.keys(result.body.traits ?? {})).toEqual(
      Object.keys(original.traits ?? {}),
    );
  });

  test('a record as the API may return it saves back unchanged: empty address lines, a@b, a long id', () => {
    const original: Customer = {
      customerId: 'c'.repeat(300),
      customerName: 'Jörg',
      customerEmail: 'jörg@exämple.de',
      address: { line1: '', city: '', country: '', verified: true, floor: 3 },
    };
    const result = validateCustomerForm(customerToValues(original), original);
    expect(result).toEqual({ ok: true, body: original, createInStripe: false });
    // Emptying the one line an address had still drops it.
    const withCity: Customer = { ...original, address: { line1: '', city: 'Lisbon', country: '' } };
    const values = { ...customerToValues(withCity), 'address.city': '' };
    const emptied = validateCustomerForm(values, withCity);
    expect(emptied.ok && emptied.body.address).toBeUndefined();
  });

  test('test and address.verified are sent when the record has them or the user ticks them', () => {
    const original: Customer = {
      customerId: 'c-1',
      customerName: 'C',
      test: false,
      address: { line1: 'x', city: 'y', country: 'US', verified: false },
    };
    const kept = validateCustomerForm(customerToValues(original), original);
    expect(kept.ok && kept.body).toMatchObject({ test: false, address: { verified: false } });
    const ticked = validateCustomerForm(
      { ...customerToValues({ customerId: 'c', customerName: 'C' }), test: true },
      { customerId: 'c', customerName: 'C' },
    );
    expect(ticked.ok && ticked.body.test).toBe(true);
  });

  test('every trait key and value round-trips through its line', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string(), (key, value) => {
        expect(parseTrait(formatTrait(key, value))).toEqual({ key, value });
      }),
    );
    expect(formatTrait('utm=source', 'google')).toBe('utm\\=source=google');
    expect(parseTrait('a=b=c')).toEqual({ key: 'a', value: 'b=c' });
    expect(parseTrait('nokey')).toBeUndefined();
  });
});
