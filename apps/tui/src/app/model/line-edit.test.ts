import { describe, expect, test } from 'vitest';
import { after, editLine, type LineState } from './line-edit.js';

const line = (value: string, cursor = value.length): LineState => ({ value, cursor });
const ctrl = (letter: string) => [letter, { ctrl: true }] as const;

describe('editLine', () => {
  test('types text at the cursor; arrows, Home and End move it', () => {
    expect(editLine(line('Acme'), ' Corp', {})).toEqual(line('Acme Corp'));
    expect(editLine(line('Acme', 0), 'X', {})).toEqual(line('XAcme', 1));
    expect(editLine(line('Acme'), '', { leftArrow: true })).toEqual(line('Acme', 3));
    expect(editLine(line('Acme', 1), '', { home: true })).toEqual(line('Acme', 0));
    expect(editLine(line('Acme', 1), '', { end: true })).toEqual(line('Acme', 4));
    expect(editLine(line('Acme'), '', { backspace: true })).toEqual(line('Acm'));
  });

  test('a Ctrl or Alt key never types its letter into the field', () => {
    for (const letter of 'bdfghjlnopqrstvxyz') {
      expect(editLine(line('Dunder KK'), letter, { ctrl: true }), `ctrl+${letter}`).toEqual(
        line('Dunder KK'),
      );
      expect(editLine(line('Dunder KK'), letter, { meta: true }), `alt+${letter}`).toEqual(
        line('Dunder KK'),
      );
    }
  });

  test('the readline keys do what they do in a shell', () => {
    expect(editLine(line('Dunder KK'), ...ctrl('u'))).toEqual(line('', 0));
    expect(editLine(line('Dunder KK', 3), ...ctrl('u'))).toEqual(line('der KK', 0));
    expect(editLine(line('Dunder KK', 3), ...ctrl('k'))).toEqual(line('Dun', 3));
    expect(editLine(line('Dunder KK'), ...ctrl('w'))).toEqual(line('Dunder ', 7));
    expect(editLine(line('Dunder KK  '), ...ctrl('w'))).toEqual(line('Dunder ', 7));
    expect(editLine(line('Dunder KK', 2), ...ctrl('a'))).toEqual(line('Dunder KK', 0));
    expect(editLine(line('Dunder KK', 2), ...ctrl('e'))).toEqual(line('Dunder KK', 9));
  });

  test('an emoji is one character: never split by an arrow or a backspace', () => {
    expect(editLine(line('a😀'), '', { backspace: true })).toEqual(line('a'));
    expect(editLine(line('a😀'), '', { leftArrow: true })).toEqual(line('a😀', 1));
    expect(editLine(line('a😀', 1), '', { rightArrow: true })).toEqual(line('a😀', 3));
  });

  // Each is one character on screen but several code points: a cursor or a Backspace inside
  // one leaves half of it (`👍🏽` → `👍`, a flag → one regional letter).
  const clusters = {
    'skin tone': '👍🏽',
    'variation selector': '❤️',
    flag: '🇫🇷',
    'ZWJ family': '👨‍👩‍👧',
    'combining accent': 'e\u0301',
  };

  test.each(Object.entries(clusters))(
    'a %s is one character for Backspace and the arrows',
    (_, c) => {
      expect(editLine(line(`a${c}`), '', { backspace: true })).toEqual(line('a'));
      expect(editLine(line(`a${c}b`, 1 + c.length), '', { delete: true })).toEqual(line('ab', 1));
      expect(editLine(line(`a${c}`), '', { leftArrow: true })).toEqual(line(`a${c}`, 1));
      expect(editLine(line(`a${c}b`, 1), '', { rightArrow: true })).toEqual(
        line(`a${c}b`, 1 + c.length),
      );
      expect(after(`a${c}b`, 1)).toBe(1 + c.length);
    },
  );

  test('Ctrl-W deletes whole words made of emoji and accents', () => {
    expect(editLine(line('Café 👨‍👩‍👧🇫🇷'), ...ctrl('w'))).toEqual(line('Café ', 5));
    expect(editLine(line('cafe\u0301 x'), ...ctrl('w'))).toEqual(line('cafe\u0301 ', 6));
    expect(editLine(line('cafe\u0301  '), ...ctrl('w'))).toEqual(line('', 0));
    // A combining mark typed after a space belongs to the space's character: it goes with it.
    expect(editLine(line('ab \u0301x'), ...ctrl('w'))).toEqual(line('ab', 2));
  });

  test('a pasted line break becomes a space; other control characters are dropped', () => {
    expect(editLine(line('Acme'), ' Corp\nLtd', {})).toEqual(line('Acme Corp Ltd'));
    expect(editLine(line('Acme'), ' Corp\r\nLtd\r', {})).toEqual(line('Acme Corp Ltd '));
    expect(editLine(line('Acme', 0), 'a\tb\u001b[31m\u0007\u009b', {})).toEqual(
      line('ab[31mAcme', 6),
    );
    expect(editLine(line('Acme'), '\u0000', {})).toEqual(line('Acme'));
  });
});
