import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  asMillis,
  asSeconds,
  millisToSeconds,
  PLAUSIBLE_MILLIS,
  PLAUSIBLE_SECONDS,
  secondsToMillis,
  TimeUnitError,
} from './units.js';

const seconds = fc.integer({ min: PLAUSIBLE_SECONDS.min, max: PLAUSIBLE_SECONDS.max - 1 });
const millis = fc.integer({ min: PLAUSIBLE_MILLIS.min, max: PLAUSIBLE_MILLIS.max - 1 });

describe('the plausible ranges', () => {
  test('cover the years 2000 to 2199 in each unit and do not overlap', () => {
    expect(new Date(PLAUSIBLE_SECONDS.min * 1000).toISOString()).toBe('2000-01-01T00:00:00.000Z');
    expect(new Date(PLAUSIBLE_MILLIS.max).toISOString()).toBe('2200-01-01T00:00:00.000Z');
    expect(PLAUSIBLE_SECONDS.max).toBeLessThan(PLAUSIBLE_MILLIS.min);
  });
});

describe('asSeconds', () => {
  test('accepts a spec invoice period bound and returns it unchanged', () => {
    expect(asSeconds(1718100000)).toBe(1718100000);
  });

  test('rejects milliseconds, saying they look like milliseconds', () => {
    const error = (() => {
      try {
        asSeconds(1718153645993, 'invoice.startTime');
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(TimeUnitError);
    expect(error).toMatchObject({
      name: 'TimeUnitError',
      value: 1718153645993,
      expected: 'seconds',
    });
    expect((error as Error).message).toBe(
      'invoice.startTime 1718153645993 looks like Unix milliseconds (2024-06-12T00:54:05.993Z), expected Unix seconds',
    );
  });

  test.each([
    [Number.NaN, 'is not a number'],
    [Number.POSITIVE_INFINITY, 'is not finite'],
    [-1718100000, 'is negative'],
    [1718100000.5, 'is not a whole number of seconds'],
    [0, 'outside the plausible range for Unix seconds (years 2000–2199)'],
    [PLAUSIBLE_SECONDS.max, 'outside the plausible range'],
    ['1718100000' as unknown as number, 'is not a number'],
  ])('rejects %s (%s)', (value, message) => {
    expect(() => asSeconds(value)).toThrow(TimeUnitError);
    expect(() => asSeconds(value)).toThrow(message);
  });

  test('never accepts a typical milliseconds value (property)', () => {
    fc.assert(
      fc.property(millis, (ms) => {
        expect(() => asSeconds(ms)).toThrow(/looks like Unix milliseconds/);
      }),
    );
  });

  test('accepts every value in its window (property)', () => {
    fc.assert(fc.property(seconds, (s) => asSeconds(s) === s));
  });
});

describe('asMillis', () => {
  test('accepts a spec customer timestamp', () => {
    expect(asMillis(1718153645993)).toBe(1718153645993);
  });

  test('rejects seconds, saying they look like seconds', () => {
    expect(() => asMillis(1718100000)).toThrow(
      'value 1718100000 looks like Unix seconds (2024-06-11T10:00:00.000Z), expected Unix milliseconds',
    );
  });

  test.each([
    [Number.NaN, 'is not a number'],
    [Number.NEGATIVE_INFINITY, 'is not finite'],
    [-1, 'is negative'],
    [1718153645993.25, 'is not a whole number of milliseconds'],
    [86_400_000, 'outside the plausible range for Unix milliseconds'],
    [PLAUSIBLE_MILLIS.max, 'outside the plausible range'],
  ])('rejects %s (%s)', (value, message) => {
    expect(() => asMillis(value)).toThrow(TimeUnitError);
    expect(() => asMillis(value)).toThrow(message);
  });

  test('never accepts a typical seconds value (property)', () => {
    fc.assert(
      fc.property(seconds, (s) => {
        expect(() => asMillis(s)).toThrow(/looks like Unix seconds/);
      }),
    );
  });
});

describe('conversions', () => {
  test('secondsToMillis and millisToSeconds convert the spec examples', () => {
    expect(secondsToMillis(asSeconds(1718100000))).toBe(1718100000000);
    expect(millisToSeconds(asMillis(1718153645993))).toBe(1718153645);
  });

  test('ms → s → ms is the identity for whole seconds (property)', () => {
    fc.assert(
      fc.property(seconds, (s) => {
        const ms = secondsToMillis(asSeconds(s));
        return secondsToMillis(millisToSeconds(asMillis(ms))) === ms;
      }),
    );
  });

  test('millisToSeconds drops the sub-second part and the result passes the seconds guard (property)', () => {
    fc.assert(
      fc.property(millis, (ms) => {
        const s = millisToSeconds(asMillis(ms));
        expect(asSeconds(s)).toBe(s);
        expect(ms - s * 1000).toBeGreaterThanOrEqual(0);
        expect(ms - s * 1000).toBeLessThan(1000);
      }),
    );
  });
});
