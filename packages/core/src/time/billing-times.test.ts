import { describe, expect, test } from 'vitest';
import { Customer, Invoice } from '../schemas/index.js';
import { customerTimes, invoicePeriod } from './billing-times.js';
import { TimeUnitError } from './units.js';

describe('invoicePeriod', () => {
  test('reads the spec invoice period as seconds', () => {
    const invoice = Invoice.parse({
      invoiceId: 'inv-500123',
      startTime: 1718100000,
      endTime: 1718186400,
    });
    const { start, end } = invoicePeriod(invoice);
    expect(start?.toISOString()).toBe('2024-06-11T10:00:00.000Z');
    expect(end?.toISOString()).toBe('2024-06-12T10:00:00.000Z');
  });

  test('leaves missing bounds out', () => {
    expect(invoicePeriod({})).toEqual({});
    expect(Object.keys(invoicePeriod({ endTime: 1718186400 }))).toEqual(['end']);
  });

  test('reads 0 as "not set": left out, not thrown on or dated 1970', () => {
    expect(Object.keys(invoicePeriod({ startTime: 0, endTime: 1718186400 }))).toEqual(['end']);
    expect(() => invoicePeriod({ startTime: 1 })).toThrow(/^invoice\.startTime 1 is outside/);
  });

  test('a millisecond bound throws naming the field', () => {
    expect(() => invoicePeriod({ startTime: 1718100000, endTime: 1718186400000 })).toThrow(
      /^invoice\.endTime 1718186400000 looks like Unix milliseconds/,
    );
  });
});

describe('customerTimes', () => {
  test('reads the customer timestamps as milliseconds', () => {
    const customer = Customer.parse({
      customerId: 'customer-123456',
      customerName: 'Acme Corp',
      createTime: 1718153645993,
      updateTime: 1718153700000,
      deactivateTimeStamp: 1718153800000,
    });
    const times = customerTimes(customer);
    expect(times.created?.toISOString()).toBe('2024-06-12T00:54:05.993Z');
    expect(times.updated?.toISOString()).toBe('2024-06-12T00:55:00.000Z');
    expect(times.deactivated?.toISOString()).toBe('2024-06-12T00:56:40.000Z');
    expect('deleted' in times).toBe(false);
  });

  test('reads 0 as "not set" (a customer never deleted)', () => {
    const times = customerTimes({ createTime: 1718153645993, deleteTime: 0, updateTime: 0 });
    expect(Object.keys(times)).toEqual(['created']);
  });

  test('a seconds value throws naming the field', () => {
    const run = () => customerTimes({ createTime: 1718153645993, deleteTime: 1718153645 });
    expect(run).toThrow(TimeUnitError);
    expect(run).toThrow(/^customer\.deleteTime 1718153645 looks like Unix seconds/);
  });
});
