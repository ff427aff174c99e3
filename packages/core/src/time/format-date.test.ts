import { describe, expect, test } from 'vitest';
import { formatDate } from './format-date.js';
import { asSeconds, TimeUnitError, type UnixMillis } from './units.js';

const spec = 1718153645993 as UnixMillis; // 2024-06-12T00:54:05.993Z

describe('formatDate', () => {
  test('formats in the given zone and locale', () => {
    expect(formatDate(spec, { timeZone: 'Asia/Tokyo', locale: 'en-GB' })).toBe('12 Jun 2024');
    expect(formatDate(spec, { timeZone: 'America/Los_Angeles', locale: 'en-US' })).toBe(
      'Jun 11, 2024',
    );
  });

  test('withTime adds the time and the zone name', () => {
    expect(formatDate(spec, { timeZone: 'Asia/Tokyo', locale: 'en-GB', withTime: true })).toBe(
      '12 Jun 2024, 09:54 GMT+9',
    );
    expect(formatDate(new Date(spec), { locale: 'en-GB', withTime: true })).toBe(
      '12 Jun 2024, 00:54 UTC',
    );
  });

  test('defaults to UTC, so the output does not depend on the host zone', () => {
    expect(formatDate(new Date('2024-06-11T23:30:00Z'), { locale: 'en-GB' })).toBe('11 Jun 2024');
  });

  test('a seconds value passed as milliseconds throws instead of printing 1970', () => {
    expect(() => formatDate(1718100000 as UnixMillis)).toThrow(TimeUnitError);
  });

  test('an invalid Date or zone throws', () => {
    expect(() => formatDate(new Date(Number.NaN))).toThrow('the Date is invalid');
    expect(() => formatDate(spec, { timeZone: 'Mars/Base' })).toThrow(RangeError);
  });

  test('the brands keep the units apart at compile time, and the guard at run time', () => {
    const start = asSeconds(1718100000);
    // @ts-expect-error UnixSeconds is not UnixMillis
    expect(() => formatDate(start)).toThrow(/looks like Unix seconds/);
  });
});
