import { describe, expect, test } from 'vitest';
import { inputSegments, PLAIN_CURSOR } from './input-segments.js';
import { after } from './line-edit.js';

const line = (segments: ReturnType<typeof inputSegments>) => segments.map((s) => s.text).join('');

describe('inputSegments', () => {
  test('with styles: the cursor is the cell it sits on, the placeholder its own dim run', () => {
    expect(inputSegments('abc', 1, 2, 'e.g. x', true)).toEqual([
      { kind: 'text', text: 'a' },
      { kind: 'cursor', text: 'b' },
      { kind: 'text', text: 'c' },
    ]);
    expect(line(inputSegments('abc', 3, 3, '', true))).toBe('abc ');
    expect(inputSegments('', 0, 0, 'e.g. 500.00', true)).toEqual([
      { kind: 'cursor', text: 'e' },
      { kind: 'placeholder', text: '.g. 500.00' },
    ]);
  });

  test('without styles (NO_COLOR): a visible cursor character, wherever it is', () => {
    expect(line(inputSegments('500', 3, 3, 'e.g. 500.00', false))).toBe(`500${PLAIN_CURSOR}`);
    expect(line(inputSegments('500', 0, 1, '', false))).toBe(`${PLAIN_CURSOR}500`);
    // Every character typed stays visible: the cursor goes between them, it hides none.
    expect(line(inputSegments('a😀b', 1, 3, '', false))).toBe(`a${PLAIN_CURSOR}😀b`);
  });

  test('without styles, a placeholder cannot be read as a value typed: it is in <…>', () => {
    expect(line(inputSegments('', 0, 0, 'e.g. 500.00', false))).toBe(
      `${PLAIN_CURSOR}<e.g. 500.00>`,
    );
    expect(line(inputSegments('', 0, 0, '', false))).toBe(PLAIN_CURSOR);
  });

  test('with styles, the inverse cell is the whole character at the cursor', () => {
    for (const c of ['👨‍👩‍👧', '👍🏽', '🇫🇷', 'e\u0301']) {
      const value = `x${c}y`;
      expect(inputSegments(value, 1, after(value, 1), '', true)).toEqual([
        { kind: 'text', text: 'x' },
        { kind: 'cursor', text: c },
        { kind: 'text', text: 'y' },
      ]);
    }
  });
});
