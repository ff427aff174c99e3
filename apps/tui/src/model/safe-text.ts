/**
 * What must never reach a terminal as itself:
 * - C0 controls, DEL and C1 controls (`\p{Cc}`): ESC starts sequences that recolour the
 *   screen, retitle the window (OSC 0) or write the clipboard (OSC 52); CSI (U+009B) does the
 *   same on terminals that read 8-bit controls; tab, newline and CR break a row;
 * - the bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), which make a
 *   terminal that does bidi draw text in an order other than stored ("Trojan Source",
 *   CVE-2021-42574). The marks (U+200E, U+200F, U+061C) change no order and stay;
 * - the line and paragraph separators (U+2028, U+2029);
 * - a lone surrogate half, which no encoder can write (it would silently become U+FFFD).
 */
const UNSAFE = /[\p{Cc}\u202a-\u202e\u2066-\u2069\u2028\u2029]|\p{Cs}/gu;

const NAMED: Record<string, string> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' };

function visible(char: string): string {
  const named = NAMED[char];
  if (named !== undefined) return named;
  const code = char.codePointAt(0) ?? 0;
  return code <= 0xff
    ? `\\x${code.toString(16).padStart(2, '0')}`
    : `\\u{${code.toString(16).padStart(4, '0')}}`;
}

/**
 * A value from the server (or any text we did not write) made safe for a terminal: every
 * character above is shown as a visible escape, as a programmer would write it — `\t`, `\n`,
 * `\r`, `\x1b` for the other controls up to U+00FF, `\u{202e}` above. Everything else,
 * backslashes included, is kept as it is, so ordinary text (CJK, emoji, accents) is untouched.
 * Display only: `--json` output and requests carry the exact value.
 * @example safeText('Evil\x1b[31mRED\nline2') // 'Evil\\x1b[31mRED\\nline2'
 */
export function safeText(text: string): string {
  return text.replace(UNSAFE, visible);
}

/** {@link safeText} for each line of a multi-line text (a stack trace): its newlines stay. */
export function safeLines(text: string): string {
  return text.split('\n').map(safeText).join('\n');
}

/** What JSON.stringify leaves raw that a terminal may still obey: DEL, C1, bidi, separators. */
const JSON_RAW = /[\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

/**
 * `value` as indented JSON that is also safe to print on a terminal: JSON.stringify escapes C0
 * controls and lone surrogates, and these escape the rest as `\u009b`. They occur only inside
 * strings, so every JSON parser reads back exactly the same data.
 */
export function safeJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(
    JSON_RAW,
    (char) => `\\u${(char.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`,
  );
}
