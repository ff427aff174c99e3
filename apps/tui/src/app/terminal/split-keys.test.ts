import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { splitKeys } from './split-keys.js';

describe('splitKeys', () => {
  test('splits bursts into keys, keeping escape sequences whole', () => {
    expect(splitKeys('4999\r')).toEqual(['4', '9', '9', '9', '\r']);
    expect(splitKeys('j\r')).toEqual(['j', '\r']);
    expect(splitKeys('\u001b[B\u001b[B\r')).toEqual(['\u001b[B', '\u001b[B', '\r']);
    expect(splitKeys('\u001b[5~\u001b[1;5Ax')).toEqual(['\u001b[5~', '\u001b[1;5A', 'x']);
    expect(splitKeys('\u001bOP\u001bq\u001b')).toEqual(['\u001bOP', '\u001bq', '\u001b']);
    expect(splitKeys('\u001b\u001b[A')).toEqual(['\u001b', '\u001b[A']);
    expect(splitKeys('é€😀')).toEqual(['é', '€', '😀']);
  });

  test('loses nothing: the keys joined give the input back', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.constantFrom(
            'a',
            'Q',
            '\r',
            '\t',
            '\u001b',
            '[',
            'O',
            'B',
            '5',
            '~',
            ';',
            'é',
            '😀',
            ' ',
          ),
        ),
        (parts) => {
          const data = parts.join('');
          expect(splitKeys(data).join('')).toBe(data);
        },
      ),
    );
  });
});
