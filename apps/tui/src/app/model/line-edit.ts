import type { Key } from 'ink';

/** A one-line text field: its text and the cursor (an index into `value`, 0 to its length). */
export type LineState = { readonly value: string; readonly cursor: number };

const at = (state: LineState, value: string, cursor: number): LineState =>
  value === state.value && cursor === state.cursor ? state : { value, cursor };

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** The index one code point before `i`: a surrogate pair (an emoji) is never split. */
function before(value: string, i: number): number {
  if (i <= 0) return 0;
  return i >= 2 && isLow(value.charCodeAt(i - 1)) && isHigh(value.charCodeAt(i - 2))
    ? i - 2
    : i - 1;
}

/** The index one code point after `i`. */
export function after(value: string, i: number): number {
  if (i >= value.length) return value.length;
  return isHigh(value.charCodeAt(i)) && isLow(value.charCodeAt(i + 1)) ? i + 2 : i + 1;
}

/**
 * One key applied to a text field. Ink reports Ctrl+W as `w` with `ctrl` (and Alt+B as `b`
 * with `meta`): typed as text, a habit such as Ctrl+U or Ctrl+W would put a stray letter into
 * a name or an email and save it. So the readline keys a terminal user reaches for do what
 * they do there, and every other Ctrl or Alt combination changes nothing.
 */
export function editLine(state: LineState, input: string, key: Partial<Key>): LineState {
  const { value, cursor } = state;
  if (key.backspace || key.delete) {
    const start = before(value, cursor);
    return at(state, value.slice(0, start) + value.slice(cursor), start);
  }
  if (key.leftArrow) return at(state, value, before(value, cursor));
  if (key.rightArrow) return at(state, value, after(value, cursor));
  if (key.home || (key.ctrl && input === 'a')) return at(state, value, 0);
  if (key.end || (key.ctrl && input === 'e')) return at(state, value, value.length);
  if (key.ctrl && input === 'u') return at(state, value.slice(cursor), 0);
  if (key.ctrl && input === 'k') return at(state, value.slice(0, cursor), cursor);
  if (key.ctrl && input === 'w') {
    const start = value.slice(0, cursor).search(/\S*\s*$/);
    return at(state, value.slice(0, start) + value.slice(cursor), start);
  }
  if (key.ctrl || key.meta || key.super || key.hyper) return state;
  if (key.upArrow || key.downArrow || key.pageUp || key.pageDown || key.tab || key.return)
    return state;
  if (input === '') return state;
  return {
    value: value.slice(0, cursor) + input + value.slice(cursor),
    cursor: cursor + input.length,
  };
}
