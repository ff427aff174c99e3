import { describe, expect, test } from 'vitest';
import { editLine, type LineState } from './line-edit.js';

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
});
