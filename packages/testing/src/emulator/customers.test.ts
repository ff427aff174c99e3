import { ErrorResponse } from '@amberkit/core/schemas';
import { describe, expect, test } from 'vitest';
import * as z from 'zod/mini';
import { StrictCustomer } from './strict-schemas.js';
import { KEY, MODES, openHarness } from './test-support.js';

const newCustomer = {
  customerId: 'cust-new',
  customerName: 'New Co',
  customerEmail: 'ap@new.example.com',
  traits: { tier: 'pro' },
  address: { line1: '1 Main Street', city: 'Berlin', country: 'DE' },
};

describe.each(MODES)('customers (%s)', (mode) => {
  test('create, then list and get return it with server times in milliseconds', async () => {
    await using h = await openHarness(mode, { dataset: 'empty' });
    const created = await h.call('/customers', { method: 'POST', json: newCustomer });
    expect(created.status).toBe(200);
    const body = StrictCustomer.parse(await created.json());
    expect(body).toMatchObject(newCustomer);
    expect(body.createTime).toBe(body.updateTime);
    const list = await (await h.call('/customers')).json();
    expect(list).toEqual([body]);
    const got = await h.call('/customers/cust-new');
    expect(await got.json()).toEqual(body);
  });

  test('server-set fields in a create body are ignored', async () => {
    await using h = await openHarness(mode, { dataset: 'empty' });
    const res = await h.call('/customers', {
      method: 'POST',
      json: { ...newCustomer, createTime: 5, updateTime: 6, deleteTime: 7 },
    });
    const body = StrictCustomer.parse(await res.json());
    expect(body.createTime).not.toBe(5);
    expect(body.deleteTime).toBeUndefined();
  });

  test('update replaces the whole record, keeps createTime, bumps updateTime, ignores server fields', async () => {
    await using h = await openHarness(mode, { dataset: 'empty' });
    const created = StrictCustomer.parse(
      await (await h.call('/customers', { method: 'POST', json: newCustomer })).json(),
    );
    const res = await h.call('/customers', {
      method: 'PUT',
      json: {
        customerId: 'cust-new',
        customerName: 'Renamed',
        createTime: 1,
        updateTime: 2,
        deleteTime: 3,
      },
    });
    expect(res.status).toBe(200);
    const updated = StrictCustomer.parse(await res.json());
    expect(updated.customerName).toBe('Renamed');
    expect(updated.traits).toBeUndefined();
    expect(updated.address).toBeUndefined();
    expect(updated.createTime).toBe(created.createTime);
    expect(updated.updateTime).toBeGreaterThan(created.updateTime);
    expect(updated.deleteTime).toBeUndefined();
    expect(await (await h.call('/customers/cust-new')).json()).toEqual(updated);
  });

  test('server fields in a PUT body are ignored whatever their value', async () => {
    await using h = await openHarness(mode);
    const res = await h.call('/customers', {
      method: 'PUT',
      json: {
        customerId: 'customer-123456',
        customerName: 'Acme',
        createTime: 'yesterday',
        updateTime: null,
        deleteTime: null,
      },
    });
    expect(res.status).toBe(200);
    const updated = StrictCustomer.parse(await res.json());
    expect(updated.createTime).toBe(1718153645993);
    expect(updated.updateTime).toBeGreaterThan(1718153645993);
    expect(updated).not.toHaveProperty('deleteTime');
  });

  test('updateTime moves forward even with a frozen clock', async () => {
    await using h = await openHarness(mode, { dataset: 'empty', clock: () => 1_718_153_645_993 });
    await h.call('/customers', { method: 'POST', json: newCustomer });
    const a = StrictCustomer.parse(
      await (await h.call('/customers', { method: 'PUT', json: newCustomer })).json(),
    );
    const b = StrictCustomer.parse(
      await (await h.call('/customers', { method: 'PUT', json: newCustomer })).json(),
    );
    expect(b.updateTime).toBeGreaterThan(a.updateTime);
  });

  test('delete answers 200 with no body; a later get, update or delete is 404', async () => {
    await using h = await openHarness(mode);
    const res = await h.call('/customers/customer-123456', { method: 'DELETE' });
    expect(res.status).toBe(200);
    // Framed as empty (Content-Length: 0, no type), not a chunked text/plain nothing.
    expect(res.headers.get('content-type')).toBeNull();
    if (mode === 'tcp') expect(res.headers.get('content-length')).toBe('0');
    expect(await res.text()).toBe('');
    for (const [path, method, json] of [
      ['/customers/customer-123456', 'GET', undefined],
      ['/customers/customer-123456', 'DELETE', undefined],
      ['/customers', 'PUT', { customerId: 'customer-123456', customerName: 'Acme' }],
    ] as const) {
      const again = await h.call(path, { method, json });
      expect(again.status).toBe(404);
      const error = ErrorResponse.parse(await again.json());
      expect(error).toMatchObject({ code: 'NOT_FOUND' });
      expect(error.message).toContain('customer-123456');
    }
    const list = (await (await h.call('/customers')).json()) as Array<{ customerId: string }>;
    expect(list.map((c) => c.customerId)).not.toContain('customer-123456');
  });

  test('a duplicate customerId on create is 400 CONFLICT and keeps the first', async () => {
    await using h = await openHarness(mode);
    const res = await h.call('/customers', {
      method: 'POST',
      json: { customerId: 'customer-123456', customerName: 'Other' },
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 'CONFLICT', issues: [{ path: 'customerId' }] });
    expect(await (await h.call('/customers/customer-123456')).json()).toMatchObject({
      customerName: 'Acme Corp',
    });
  });

  test('unknown customer on get is 404 with an ErrorResponse and request id', async () => {
    await using h = await openHarness(mode);
    const res = await h.call('/customers/nobody');
    expect(res.status).toBe(404);
    const body = ErrorResponse.parse(await res.json());
    expect(body).toEqual({
      message: expect.stringContaining('nobody'),
      code: 'NOT_FOUND',
      requestId: res.headers.get('x-request-id'),
    });
  });

  test.each([
    ['missing customerName', { customerId: 'x' }, 'customerName'],
    ['empty customerName', { customerId: 'x', customerName: '' }, 'customerName'],
    ['empty customerId', { customerId: '', customerName: 'X' }, 'customerId'],
    [
      'customerId "." (a dot segment in a path)',
      { customerId: '.', customerName: 'X' },
      'customerId',
    ],
    ['customerId ".."', { customerId: '..', customerName: 'X' }, 'customerId'],
    ['bad email', { customerId: 'x', customerName: 'X', customerEmail: 'nope' }, 'customerEmail'],
    ['bad stage', { customerId: 'x', customerName: 'X', lifecycleStage: 'DONE' }, 'lifecycleStage'],
    [
      "the live API's TRIAL (the spec spells it TRAIL)",
      { customerId: 'x', customerName: 'X', lifecycleStage: 'TRIAL' },
      'lifecycleStage',
    ],
    [
      'deactivateTimeStamp not a number',
      { customerId: 'x', customerName: 'X', deactivateTimeStamp: 'yesterday' },
      'deactivateTimeStamp',
    ],
    [
      'deactivateTimeStamp in seconds',
      { customerId: 'x', customerName: 'X', deactivateTimeStamp: 1_718_100_000 },
      'deactivateTimeStamp',
    ],
    ['enabled not a boolean', { customerId: 'x', customerName: 'X', enabled: 'yes' }, 'enabled'],
    ['trait not a string', { customerId: 'x', customerName: 'X', traits: { n: 1 } }, 'traits.n'],
    [
      'address without city',
      { customerId: 'x', customerName: 'X', address: { line1: 'a', country: 'US' } },
      'address.city',
    ],
    ['array body', [], '(body)'],
    ['null body', null, '(body)'],
  ])('create with %s is 400 VALIDATION_FAILED naming the field', async (_name, json, path) => {
    await using h = await openHarness(mode, { dataset: 'empty' });
    const res = await h.call('/customers', { method: 'POST', json });
    expect(res.status).toBe(400);
    const body = ErrorResponse.parse(await res.json());
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.issues?.map((i) => i.path)).toContain(path);
    expect(body.message).toContain(path);
    expect(await (await h.call('/customers')).json()).toEqual([]);
  });

  test.each([
    ['malformed JSON', '{"customerId": ', 'application/json'],
    ['an empty body', '', 'application/json'],
    ['a text/plain body', JSON.stringify(newCustomer), 'text/plain'],
  ])('create with %s is 400 VALIDATION_FAILED', async (_name, body, type) => {
    await using h = await openHarness(mode, { dataset: 'empty' });
    const res = await h.call('/customers', {
      method: 'POST',
      body,
      headers: { 'content-type': type },
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      issues: [{ path: '(body)' }],
    });
  });

  test('create stores the Customer-only spec fields typed, keeps unknown fields, and the list stays valid', async () => {
    await using h = await openHarness(mode, { dataset: 'empty' });
    const json = {
      ...newCustomer,
      enabled: false,
      deactivateTimeStamp: 1_718_153_645_993,
      lifecycleStage: 'TRAIL',
      crmId: { id: 7 },
    };
    const res = await h.call('/customers', { method: 'POST', json });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject(json);
    const list = z.array(StrictCustomer).parse(await (await h.call('/customers')).json());
    expect(list).toEqual([expect.objectContaining(json)]);
  });

  test.each([
    [
      'deactivateTimeStamp in seconds',
      { deactivateTimeStamp: 1_718_100_000 },
      'deactivateTimeStamp',
    ],
    [
      'deactivateTimeStamp not a number',
      { deactivateTimeStamp: 'yesterday' },
      'deactivateTimeStamp',
    ],
    ["the live API's TRIAL", { lifecycleStage: 'TRIAL' }, 'lifecycleStage'],
  ])(
    'update with %s is 400 VALIDATION_FAILED naming the field, storing nothing',
    async (_name, fields, path) => {
      await using h = await openHarness(mode);
      const before = await (await h.call('/customers/customer-123456')).json();
      const res = await h.call('/customers', {
        method: 'PUT',
        json: { customerId: 'customer-123456', customerName: 'Acme Corp', ...fields },
      });
      expect(res.status).toBe(400);
      const body = ErrorResponse.parse(await res.json());
      expect(body.code).toBe('VALIDATION_FAILED');
      expect(body.issues?.map((i) => i.path)).toEqual([path]);
      expect(await (await h.call('/customers/customer-123456')).json()).toEqual(before);
    },
  );

  test('PUT validates its body and answers 404 for an unknown customer', async () => {
    await using h = await openHarness(mode);
    const bad = await h.call('/customers', {
      method: 'PUT',
      json: { customerId: 'customer-123456', enabled: 'yes', customerName: 'A' },
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      issues: [{ path: 'enabled' }],
    });
    const unknown = await h.call('/customers', {
      method: 'PUT',
      json: { customerId: 'ghost', customerName: 'G' },
    });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ code: 'NOT_FOUND' });
  });

  test('autoCreateCustomerInStripe accepts the spec value and rejects others', async () => {
    await using h = await openHarness(mode, { dataset: 'empty' });
    const ok = await h.call('/customers?autoCreateCustomerInStripe=if_payment_provider', {
      method: 'POST',
      json: newCustomer,
    });
    expect(ok.status).toBe(200);
    const bad = await h.call('/customers?autoCreateCustomerInStripe=yes', {
      method: 'POST',
      json: { ...newCustomer, customerId: 'b' },
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ issues: [{ path: 'autoCreateCustomerInStripe' }] });
  });

  test('several API keys are several accounts with separate data', async () => {
    await using h = await openHarness(mode, { accounts: [KEY, 'second-key'] });
    expect(((await (await h.call('/customers')).json()) as unknown[]).length).toBeGreaterThan(30);
    expect(await (await h.call('/customers', { key: 'second-key' })).json()).toEqual([]);
    await h.call('/customers', { method: 'POST', key: 'second-key', json: newCustomer });
    expect((await h.call('/customers/cust-new', { key: 'second-key' })).status).toBe(200);
    expect((await h.call('/customers/cust-new')).status).toBe(404);
  });
});
