/** A run of a text field's line: typed text, the cursor, or the placeholder. */
export type InputSegment = {
  readonly text: string;
  readonly kind: 'text' | 'cursor' | 'placeholder';
};

/**
 * The cursor when the terminal draws no styles (NO_COLOR): inverse video is dropped with the
 * colours, so the cursor is a character of its own, put between the characters it sits at.
 */
export const PLAIN_CURSOR = '█';

/**
 * How a text field is drawn. With styles, the cursor is the inverse cell at `cursor` (a space
 * past the end) and an empty field's placeholder is dim. Without them (`styled` false) both
 * must still read apart from a value: the cursor is {@link PLAIN_CURSOR} and the placeholder
 * is in angle brackets, `<e.g. 500.00>`, so it is never taken for something already typed.
 * `next` is where the character at the cursor ends (a grapheme cluster: an emoji with its
 * modifiers, a flag or a letter with its accents is one character).
 */
export function inputSegments(
  value: string,
  cursor: number,
  next: number,
  placeholder: string,
  styled: boolean,
): InputSegment[] {
  if (styled) {
    if (value === '')
      return [
        { kind: 'cursor', text: placeholder.slice(0, 1) || ' ' },
        { kind: 'placeholder', text: placeholder.slice(1) },
      ];
    return [
      { kind: 'text', text: value.slice(0, cursor) },
      { kind: 'cursor', text: value.slice(cursor, next) || ' ' },
      { kind: 'text', text: value.slice(next) },
    ];
  }
  if (value === '')
    return [
      { kind: 'cursor', text: PLAIN_CURSOR },
      { kind: 'placeholder', text: placeholder === '' ? '' : `<${placeholder}>` },
    ];
  return [
    { kind: 'text', text: value.slice(0, cursor) },
    { kind: 'cursor', text: PLAIN_CURSOR },
    { kind: 'text', text: value.slice(cursor) },
  ];
}
