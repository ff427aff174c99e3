import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { DateParseError } from './date-parse-error.js';
import { parseDateInput } from './parse-date-input.js';

describe('parseDateInput', () => {
  test.each([
    ['2027-01-01', '2027-01-01T00:00:00.000Z'],
    ['  2027-01-01 ', '2027-01-01T00:00:00.000Z'],
    ['2027-01-01T00:00:00Z', '2027-01-01T00:00:00.000Z'],
    ['2027-01-01T09:30:00+02:00', '2027-01-01T07:30:00.000Z'],
    ['2024-02-29', '2024-02-29T00:00:00.000Z'],
  ])('reads %j', (input, iso) => {
    expect(parseDateInput(input).toISOString()).toBe(iso);
  });

  test('reads a bare date as midnight in the given time zone, DST included', () => {
    expect(parseDateInput('2027-01-01', { timeZone: 'Europe/Berlin' }).toISOString()).toBe(
      '2026-12-31T23:00:00.000Z',
    );
    expect(parseDateInput('2027-07-01', { timeZone: 'Europe/Berlin' }).toISOString()).toBe(
      '2027-06-30T22:00:00.000Z',
    );
    expect(parseDateInput('2027-01-01', { timeZone: 'Asia/Tokyo' }).toISOString()).toBe(
      '2026-12-31T15:00:00.000Z',
    );
  });

  test('an explicit offset wins over the timeZone option', () => {
    expect(parseDateInput('2027-01-01T00:00:00Z', { timeZone: 'Asia/Tokyo' }).toISOString()).toBe(
      '2027-01-01T00:00:00.000Z',
    );
  });

  test.each([
    ['', 'Enter a date as YYYY-MM-DD'],
    ['junk', '"junk" is not a date; use YYYY-MM-DD'],
    ['2027-1-1', 'is not a date'],
    ['01/02/2027', 'is not a date'],
    ['2027-02-29', 'is not a calendar date'],
    ['2027-04-31', 'is not a calendar date'],
    ['2027-01-01T10:00', 'has a time but no time zone; add Z or an offset'],
    ['2027-01-01T25:00Z', 'impossible time of day'],
  ])('refuses %j with a clear message', (input, message) => {
    expect(() => parseDateInput(input)).toThrow(DateParseError);
    expect(() => parseDateInput(input)).toThrow(message);
  });

  test('names an unknown time zone', () => {
    expect(() => parseDateInput('2027-01-01', { timeZone: 'Mars/Base' })).toThrow(
      'Unknown time zone "Mars/Base"',
    );
  });

  test('a midnight skipped or repeated by DST resolves to the first instant of the day', () => {
    // Chile: 2024-09-08 00:00 → 01:00 (skipped); 2024-04-07 00:00 → 2024-04-06 23:00.
    expect(parseDateInput('2024-09-08', { timeZone: 'America/Santiago' }).toISOString()).toBe(
      '2024-09-08T04:00:00.000Z',
    );
    expect(parseDateInput('2024-04-07', { timeZone: 'America/Santiago' }).toISOString()).toBe(
      '2024-04-07T04:00:00.000Z',
    );
    // Cuba: 2024-11-03 01:00 → 00:00, so midnight happens twice; the earlier one counts.
    expect(parseDateInput('2024-11-03', { timeZone: 'America/Havana' }).toISOString()).toBe(
      '2024-11-03T04:00:00.000Z',
    );
  });

  test('a bare date is the first instant of that day in the zone (property)', () => {
    const zones = fc.constantFrom(
      'UTC',
      'Europe/Berlin',
      'America/New_York',
      'America/Santiago',
      'America/Havana',
      'America/Sao_Paulo',
      'Asia/Beirut',
      'Asia/Kolkata',
      'Australia/Lord_Howe',
    );
    const days = fc.date({
      min: new Date('2000-01-01'),
      max: new Date('2199-12-31'),
      noInvalidDate: true,
    });
    const localDay = (t: number, timeZone: string) =>
      new Intl.DateTimeFormat('en-CA', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
      }).format(t);
    fc.assert(
      fc.property(days, zones, (day, timeZone) => {
        const ymd = day.toISOString().slice(0, 10);
        const start = parseDateInput(ymd, { timeZone }).getTime();
        expect(localDay(start, timeZone)).toBe(ymd);
        expect(localDay(start - 1, timeZone) < ymd).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
