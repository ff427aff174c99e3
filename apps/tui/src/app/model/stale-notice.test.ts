import { NotFoundError } from '@amberkit/core/client';
import { afterAll, describe, expect, test, vi } from 'vitest';
import { CancelledError } from '../hooks/use-request.js';
import { staleLine, staleNotice } from './stale-notice.js';

const restoreTimeZone = await vi.hoisted(async () => {
  const { pinTimeZone } = await import('../test-support/time-zone.js');
  return pinTimeZone('America/New_York');
});
afterAll(restoreTimeZone);

// 14:02:11 in New York on Jan 15, 2027.
const loadedAt = new Date('2027-01-15T19:02:11Z');

describe('staleNotice', () => {
  test('says what failed, when the data shown was loaded (local time), and how to retry', () => {
    const notice = staleNotice(
      new Error('fetch failed'),
      loadedAt,
      [],
      new Date('2027-01-15T19:05:00Z'),
    );
    expect(notice).toEqual({
      problem: '! Refresh failed: fetch failed',
      since: 'stale since 14:02:11',
      sinceShort: 'stale since 14:02',
    });
    expect(staleLine(notice, 80)).toBe(
      '! Refresh failed: fetch failed · stale since 14:02:11 · r retry',
    );
  });

  test('a cancelled refresh says so, not "nothing was loaded"', () => {
    const notice = staleNotice(new CancelledError('x'), loadedAt, [], loadedAt);
    expect(notice.problem).toBe('! Refresh cancelled');
  });

  test('data loaded on another day shows its date too, on the same 24-hour clock', () => {
    const notice = staleNotice(new Error('x'), loadedAt, [], new Date('2027-01-16T12:00:00Z'));
    expect(notice.since).toBe('stale since Jan 15 14:02');
    expect(notice.sinceShort).toBe('stale since Jan 15');
    const lastYear = staleNotice(new Error('x'), loadedAt, [], new Date('2028-01-02T12:00:00Z'));
    expect(lastYear.since).toBe('stale since Jan 15, 2027 14:02');
  });

  const failed = new Error('GET /customers failed with 503 Service Unavailable');
  const today = staleNotice(failed, loadedAt, [], new Date('2027-01-15T19:05:00Z'));
  const older = staleNotice(failed, loadedAt, [], new Date('2027-01-17T19:05:00Z'));

  test.each([
    [
      100,
      today,
      '! Refresh failed: GET /customers failed with 503 Service Unavailab… · stale since 14:02:11 · r retry',
    ],
    [60, today, '! Refresh failed: GET /cus… · stale since 14:02:11 · r retry'],
    [40, today, '! stale since 14:02:11 · r retry'],
    [30, today, '! stale since 14:02 · r retry'],
    [
      100,
      older,
      '! Refresh failed: GET /customers failed with 503 Service Unava… · stale since Jan 15 14:02 · r retry',
    ],
    [60, older, '! Refresh failed: GET … · stale since Jan 15 14:02 · r retry'],
    [40, older, '! stale since Jan 15 14:02 · r retry'],
    [30, older, '! stale since Jan 15 · r retry'],
    [20, older, '! stale · r retry'],
    [16, older, 'stale · r retry'],
  ])(
    'at width %i the retry hint shows whole: problem first, then the date, give way',
    (width, notice, line) => {
      expect(staleLine(notice, width)).toBe(line);
      expect(line.length).toBeLessThanOrEqual(width);
      expect(line).toMatch(/ · r retry$/);
    },
  );

  test('the server message is masked like an error box: no key, no control characters', () => {
    const error = new NotFoundError({
      message: 'no key sk-secret here\u001b]0;pwned\u0007',
      status: 404,
      code: 'NOT_FOUND',
      method: 'GET',
      path: '/customers',
    });
    const { problem } = staleNotice(error, loadedAt, ['sk-secret'], loadedAt);
    expect(problem).not.toContain('sk-secret');
    expect(problem).not.toContain('\u001b');
  });
});
