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

  test.each([
    // Before standard time every zone kept local mean time: New York -04:56:02, Tokyo +09:18:59.
    ['0000-06-15', 'America/New_York', '0000-06-15T04:56:02.000Z'],
    ['0000-01-01', 'Asia/Tokyo', '-000001-12-31T14:41:01.000Z'],
    ['0001-01-01', 'Asia/Tokyo', '0000-12-31T14:41:01.000Z'],
    ['0000-12-31', 'America/New_York', '0000-12-31T04:56:02.000Z'],
    ['0000-03-01', 'Asia/Kolkata', '0000-02-29T18:06:32.000Z'],
    ['9999-12-31', 'Pacific/Kiritimati', '9999-12-30T10:00:00.000Z'],
    ['9999-12-31', 'Etc/GMT+12', '9999-12-31T12:00:00.000Z'],
  ])('reads %j in %s around the ends of the year range', (input, timeZone, iso) => {
    expect(parseDateInput(input, { timeZone }).toISOString()).toBe(iso);
  });

  test('a bare date is the first instant of that day in the zone, years 0000–9999 (property)', () => {
    const zones = fc.constantFrom(
      'America/New_York',
      'Asia/Tokyo',
      'Asia/Kolkata',
      'Europe/Berlin',
      'America/Santiago',
      'Australia/Lord_Howe',
      // Not Pacific/Kiritimati or Pacific/Apia: each skipped a whole day (1994-12-31,
      // 2011-12-30), which therefore has no first instant.
      'Pacific/Auckland',
      'Etc/GMT+12',
    );
    const days = fc
      .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 365 }))
      .map(([year, n]) => {
        const start = new Date(0).setUTCFullYear(year, 0, 1);
        const length = (new Date(0).setUTCFullYear(year + 1, 0, 1) - start) / 86_400_000;
        return new Date(start + Math.min(n, length - 1) * 86_400_000).toISOString().slice(0, 10);
      });
    // The zone's calendar day as year·10000 + month·100 + day, which orders days in every year,
    // with the year read from the era so that 1 BC is year 0 and not Intl's "1".
    const localDay = (t: number, timeZone: string) => {
      const f = new Intl.DateTimeFormat('en-US', {
        timeZone,
        era: 'short',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
      });
      const p = Object.fromEntries(f.formatToParts(t).map((x) => [x.type, x.value]));
      const year = p.era === 'BC' ? 1 - Number(p.year) : Number(p.year);
      return year * 10_000 + Number(p.month) * 100 + Number(p.day);
    };
    const asNumber = (ymd: string) =>
      Number(ymd.slice(0, 4)) * 10_000 + Number(ymd.slice(5, 7)) * 100 + Number(ymd.slice(8));
    fc.assert(
      fc.property(days, zones, (ymd, timeZone) => {
        const start = parseDateInput(ymd, { timeZone }).getTime();
        expect(localDay(start, timeZone)).toBe(asNumber(ymd));
        expect(localDay(start - 1, timeZone)).toBeLessThan(asNumber(ymd));
      }),
      { numRuns: 500 },
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
