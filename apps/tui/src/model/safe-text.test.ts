import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { safeJson, safeText } from './safe-text.js';

const ESC = '\u001b';
/** Anything a terminal could obey, or that breaks a row, or that no encoder can write. */
const OBEYED = /[\p{Cc}\u202a-\u202e\u2066-\u2069\u2028\u2029]|\p{Cs}/u;

describe('safeText', () => {
  test('controls, DEL, C1, bidi overrides and separators become visible escapes', () => {
    expect(safeText(`Evil${ESC}[31mRED${ESC}[0m\nline2\ttab\r`)).toBe(
      'Evil\\x1b[31mRED\\x1b[0m\\nline2\\ttab\\r',
    );
    expect(safeText(`X${ESC}]0;PWNED\u0007Y`)).toBe('X\\x1b]0;PWNED\\x07Y');
    expect(safeText('a\u0000b\u007fc\u009bd')).toBe('a\\x00b\\x7fc\\x9bd');
    expect(safeText('Bidi \u202egnp.exe \u2066x\u2069 \u2028')).toBe(
      'Bidi \\u{202e}gnp.exe \\u{2066}x\\u{2069} \\u{2028}',
    );
    expect(safeText('lone \ud800 half')).toBe('lone \\u{d800} half');
  });

  test('ordinary text is returned as it is: CJK, emoji, accents, RTL marks, backslashes', () => {
    for (const text of [
      'Acme Corp',
      '株式会社',
      '👩‍👩‍👧 🇯🇵',
      'e\u0301',
      'שלום\u200f',
      'C:\\x1b',
      '',
    ])
      expect(safeText(text)).toBe(text);
  });

  test('whatever the input, the output holds nothing a terminal obeys', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const shown = safeText(text);
        expect(shown).not.toMatch(OBEYED);
        expect(safeText(shown)).toBe(shown);
      }),
    );
  });
});

describe('safeJson', () => {
  test('reads back as exactly the same data, with nothing a terminal obeys left raw', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.string({ unit: 'binary' }), (value, text) => {
        const data = { value, text };
        const json = safeJson(data);
        expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(data)));
        expect(json.replace(/\n/g, '')).not.toMatch(OBEYED);
      }),
    );
  });
});
