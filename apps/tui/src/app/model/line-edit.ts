import type { Key } from 'ink';

/** A one-line text field: its text and the cursor (an index into `value`, 0 to its length). */
export type LineState = { readonly value: string; readonly cursor: number };

const at = (state: LineState, value: string, cursor: number): LineState =>
  value === state.value && cursor === state.cursor ? state : { value, cursor };

// What a person sees as one character: `👍🏽`, `❤️`, `🇫🇷`, `👨‍👩‍👧` and `e` with a combining
// accent are each several code points, and a cursor or a Backspace inside one leaves half of it.
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** The start of every character of `value`, and its length: the places a cursor may stand. */
function boundaries(value: string): number[] {
  const starts = Array.from(graphemes.segment(value), (segment) => segment.index);
  starts.push(value.length);
  return starts;
}

/** The last boundary at or before `i`. */
function floor(value: string, i: number): number {
  let found = 0;
  for (const boundary of boundaries(value)) {
    if (boundary > i) break;
    found = boundary;
  }
  return found;
}

/** The boundary before `i` (one character to the left): an emoji or an accent is never split. */
export function before(value: string, i: number): number {
  return i <= 0 ? 0 : floor(value, i - 1);
}

/** The boundary after `i`: where the character at `i` ends. */
export function after(value: string, i: number): number {
  for (const boundary of boundaries(value)) if (boundary > i) return boundary;
  return value.length;
}

// A line break or another control character pasted into a one-line field would break the
// line it is drawn on and be saved in a name: a line break becomes a space, the rest is dropped.
function typed(input: string): string {
  let text = '';
  for (const char of input.replaceAll('\r\n', '\n')) {
    const code = char.codePointAt(0) ?? 0;
    if (char === '\n' || char === '\r') text += ' ';
    else if (code >= 0x20 && (code < 0x7f || code > 0x9f)) text += char;
  }
  return text;
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
    // A word starts at a character: a combining mark after a space is not cut from it.
    const start = floor(value, value.slice(0, cursor).search(/\S*\s*$/));
    return at(state, value.slice(0, start) + value.slice(cursor), start);
  }
  if (key.ctrl || key.meta || key.super || key.hyper) return state;
  if (key.upArrow || key.downArrow || key.pageUp || key.pageDown || key.tab || key.return)
    return state;
  const text = typed(input);
  if (text === '') return state;
  return {
    value: value.slice(0, cursor) + text + value.slice(cursor),
    cursor: cursor + text.length,
  };
}
