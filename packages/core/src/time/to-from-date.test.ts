import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { fromDate, toDate } from './to-from-date.js';
import { TimeUnitError } from './units.js';

describe('toDate / fromDate', () => {
  test('reads each unit as named', () => {
    expect(toDate(1718153645993, 'ms').toISOString()).toBe('2024-06-12T00:54:05.993Z');
    expect(toDate(1718100000, 's').toISOString()).toBe('2024-06-11T10:00:00.000Z');
  });

  test('refuses a value in the other unit instead of guessing', () => {
    expect(() => toDate(1718100000, 'ms')).toThrow(TimeUnitError);
    expect(() => toDate(1718153645993, 's')).toThrow(TimeUnitError);
  });

  test('a unit other than ms or s (from JavaScript) is a TypeError, not seconds', () => {
    const date = new Date('2027-01-01T00:00:00Z');
    expect(() => fromDate(date, 'seconds' as never)).toThrow(
      /^unit must be 'ms' or 's', got "seconds"$/,
    );
    expect(() => toDate(1798761600, 'sec' as never)).toThrow(TypeError);
  });

  test('fromDate gives the unit asked for', () => {
    const d = new Date('2027-01-01T00:00:00.250Z');
    expect(fromDate(d, 'ms')).toBe(1798761600250);
    expect(fromDate(d, 's')).toBe(1798761600);
  });

  test('round trip in both units', () => {
    const instant = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2199, 0, 1) });
    fc.assert(
      fc.property(instant, (ms) => {
        expect(fromDate(toDate(ms, 'ms'), 'ms')).toBe(ms);
        const s = Math.floor(ms / 1000);
        expect(fromDate(toDate(s, 's'), 's')).toBe(s);
      }),
    );
  });
});
