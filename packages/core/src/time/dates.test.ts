import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { DateParseError } from './date-parse-error.js';
import {
  dateToMillis,
  dateToSeconds,
  fromIsoString,
  millisToDate,
  secondsToDate,
  toIsoString,
} from './dates.js';
import { asMillis, asSeconds, type UnixMillis } from './units.js';

const anyMillis = fc.integer({ min: -8.64e15, max: 8.64e15 }).map((n) => n as UnixMillis);

describe('Date conversions', () => {
  test('read the spec examples in their own units', () => {
    expect(millisToDate(asMillis(1718153645993)).toISOString()).toBe('2024-06-12T00:54:05.993Z');
    expect(secondsToDate(asSeconds(1718100000)).toISOString()).toBe('2024-06-11T10:00:00.000Z');
  });

  test('dateToMillis and dateToSeconds', () => {
    const d = new Date('2024-06-12T00:54:05.993Z');
    expect(dateToMillis(d)).toBe(1718153645993);
    expect(dateToSeconds(d)).toBe(1718153645);
  });

  test('an Invalid Date is refused', () => {
    expect(() => dateToMillis(new Date(Number.NaN))).toThrow('date is not a valid Date');
    expect(() => dateToSeconds(new Date('junk'))).toThrow(RangeError);
  });

  test('Date ↔ ms round trips (property)', () => {
    fc.assert(
      fc.property(
        fc.date({ noInvalidDate: true }),
        (d) => millisToDate(dateToMillis(d)).getTime() === d.getTime(),
      ),
    );
    fc.assert(fc.property(anyMillis, (ms) => dateToMillis(millisToDate(ms)) === ms));
  });
});

describe('ISO strings', () => {
  test('toIsoString writes UTC with milliseconds', () => {
    expect(toIsoString(asMillis(1718153645993))).toBe('2024-06-12T00:54:05.993Z');
  });

  test.each([
    ['2024-06-12T00:54:05.993Z', 1718153645993],
    ['2024-06-12T09:54:05.993+09:00', 1718153645993],
    ['2024-06-11T20:54:05.993-04:00', 1718153645993],
    ['2024-06-12T00:54Z', 1718153640000],
    ['2024-06-12 00:54:05z', 1718153645000],
    ['2024-06-12T00:54:05.9939999Z', 1718153645993],
    ['0050-01-01T00:00:00Z', Date.parse('0050-01-01T00:00:00Z')],
  ])('fromIsoString(%s)', (iso, ms) => {
    expect(fromIsoString(iso)).toBe(ms);
  });

  test.each([
    ['2024-06-12', 'has no time zone'],
    ['2024-06-12T10:00:00', 'has no time zone'],
    ['2024-02-30T00:00:00Z', 'is not a calendar date'],
    ['2024-13-01T00:00:00Z', 'is not a calendar date'],
    ['2024-06-12T24:00:00Z', 'impossible time of day'],
    ['2024-06-12T10:00:00+25:00', 'impossible offset'],
    ['June 12, 2024', 'is not a date'],
    ['', 'is not a date'],
  ])('fromIsoString(%j) throws DateParseError (%s)', (iso, message) => {
    expect(() => fromIsoString(iso)).toThrow(DateParseError);
    expect(() => fromIsoString(iso)).toThrow(message);
  });

  test('ISO ↔ ms round trips for every instant of years 0000–9999 (property)', () => {
    const fourDigitYears = fc.integer({ min: -62167219200000, max: 253402300799999 });
    fc.assert(
      fc.property(fourDigitYears, (ms) => fromIsoString(toIsoString(ms as UnixMillis)) === ms),
    );
  });
});
