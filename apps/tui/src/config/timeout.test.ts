import { describe, expect, test } from 'vitest';
import { ConfigError } from './errors.js';
import { parseTimeout } from './timeout.js';

describe('parseTimeout', () => {
  test('seconds without a unit, as curl --max-time; ms, s, m and h with one; rounded up to whole ms', () => {
    const cases: Array<[string, number]> = [
      ['30', 30_000],
      ['2.5', 2_500],
      ['.5', 500],
      ['1.', 1_000],
      ['500ms', 500],
      ['10s', 10_000],
      ['2m', 120_000],
      ['1h', 3_600_000],
      ['596h', 2_145_600_000],
      [' 10S ', 10_000],
      ['30 s', 30_000],
      ['1.5MS', 2],
      ['2.007', 2_007],
      ['4.03', 4_030],
      ['8.3m', 498_000],
      ['0.0001', 1],
      ['2147483647ms', 2_147_483_647],
    ];
    for (const [text, ms] of cases)
      expect([text, parseTimeout(text, '--timeout')]).toEqual([text, ms]);
  });

  test('anything else is one line naming where it came from', () => {
    const bad = ['', '.', 'ms', 'soon', '-1', '1e3', '10d', '10 sec', '5s5', '0x10', 'Infinity'];
    for (const text of bad) {
      expect(() => parseTimeout(text, 'AMBERKIT_TIMEOUT')).toThrow(ConfigError);
      expect(() => parseTimeout(text, 'AMBERKIT_TIMEOUT')).toThrow(
        /^AMBERKIT_TIMEOUT: '.*' is not a timeout; give seconds \(30, 2\.5\) or a number with ms, s, m or h/,
      );
    }
  });

  test('zero and more than the longest timer a runtime keeps are refused', () => {
    for (const text of ['0', '0ms', '0.0', '0s']) {
      expect(() => parseTimeout(text, '--timeout')).toThrow(
        '--timeout: the timeout must be more than 0',
      );
    }
    expect(() => parseTimeout('2147483648ms', '--timeout')).toThrow(
      '--timeout: 2147483648ms is longer than the longest timeout, 2147483647 ms (about 24 days)',
    );
    expect(() => parseTimeout('30000000', '--timeout')).toThrow(/longer than the longest timeout/);
    expect(() => parseTimeout('597h', '--timeout')).toThrow(/longer than the longest timeout/);
  });
});
