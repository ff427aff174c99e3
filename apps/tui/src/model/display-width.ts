import stringWidth from 'string-width';

// A terminal draws graphemes (an emoji with its modifiers, a letter with its accents), so a
// cut goes between them: never through a surrogate pair, a ZWJ sequence or a wide character.
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
/** Printable ASCII: one column a character, no graphemes to keep whole (most ids and emails). */
const NARROW = /^[\x20-\x7e]*$/;

/** Columns `text` takes in a terminal: two for a CJK character or an emoji, as Ink counts. */
export function displayWidth(text: string): number {
  return NARROW.test(text) ? text.length : stringWidth(text);
}

/** The longest start of `text` at most `width` columns wide, cut between graphemes. */
export function sliceColumns(text: string, width: number): string {
  if (NARROW.test(text)) return text.slice(0, Math.max(0, width));
  let used = 0;
  let end = 0;
  for (const { segment, index } of graphemes.segment(text)) {
    used += stringWidth(segment);
    if (used > width) break;
    end = index + segment.length;
  }
  return text.slice(0, end);
}

/** `text` padded with spaces on the right to `width` columns (never cut). */
export function padEndColumns(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/** `text` padded with spaces on the left to `width` columns (never cut). */
export function padStartColumns(text: string, width: number): string {
  return ' '.repeat(Math.max(0, width - displayWidth(text))) + text;
}
