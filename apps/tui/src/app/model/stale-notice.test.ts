import { NotFoundError } from '@amberkit/core/client';
import { afterAll, describe, expect, test, vi } from 'vitest';
import { CancelledError } from '../hooks/use-request.js';
import { staleNotice } from './stale-notice.js';

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
      age: ' · stale: loaded at 14:02:11 · press r to retry',
    });
  });

  test('a cancelled refresh says so, not "nothing was loaded"', () => {
    const notice = staleNotice(new CancelledError('x'), loadedAt, [], loadedAt);
    expect(notice.problem).toBe('! Refresh cancelled');
  });

  test('data loaded on another day shows its date too', () => {
    const notice = staleNotice(new Error('x'), loadedAt, [], new Date('2027-01-16T12:00:00Z'));
    expect(notice.age).toMatch(
      /^ · stale: loaded at Jan 15, 2027, 0?2:02 PM\b.* · press r to retry$/,
    );
  });

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
