/**
 * How a request asks to skip the cache (RFC 9111 §5.2.1, §5.4): `no-cache` — fetch, and the
 * fresh answer replaces the entry for others; `no-store` — fetch, and store nothing.
 */
export type CacheBypass = 'no-cache' | 'no-store' | undefined;

const SPACE = 0x20;
const TAB = 0x09;
const COMMA = 0x2c;
const EQUALS = 0x3d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const ZERO = 0x30;

/**
 * What a request's `Cache-Control` asks of the cache, or its `Pragma` when it sends no
 * `Cache-Control` (§5.4). Directives are comma-separated tokens, compared case-insensitively;
 * `no-cache` (an argument, which a request's `no-cache` does not take, changes nothing: the
 * caller asked for a fresh answer), `max-age=0` and `Pragma: no-cache` skip the cache and
 * refresh it; `no-store` skips it and stores nothing. Any other directive (`x-no-cache-please`,
 * `max-age=60`, `only-if-cached`) is ignored, as §5.2 has caches ignore what they do not
 * implement. Read in place, without a copy or a regular expression: it runs on cache HITs.
 */
export function requestBypass(
  cacheControl: string | undefined,
  pragma: string | undefined,
): CacheBypass {
  if (cacheControl !== undefined) return scan(cacheControl, true);
  if (pragma !== undefined) return scan(pragma, false);
  return undefined;
}

const isSpace = (c: number) => c === SPACE || c === TAB;

function scan(value: string, cacheControl: boolean): CacheBypass {
  let result: CacheBypass;
  const n = value.length;
  let i = 0;
  while (i < n) {
    const c = value.charCodeAt(i);
    if (isSpace(c) || c === COMMA) {
      i++;
      continue;
    }
    const start = i;
    while (i < n) {
      const d = value.charCodeAt(i);
      if (d === EQUALS || d === COMMA || isSpace(d)) break;
      i++;
    }
    const end = i;
    while (i < n && isSpace(value.charCodeAt(i))) i++;
    let argStart = -1;
    let argEnd = -1;
    if (i < n && value.charCodeAt(i) === EQUALS) {
      i++;
      while (i < n && isSpace(value.charCodeAt(i))) i++;
      if (i < n && value.charCodeAt(i) === QUOTE) {
        // A quoted string may hold commas: they do not end the directive.
        argStart = ++i;
        while (i < n && value.charCodeAt(i) !== QUOTE)
          i += value.charCodeAt(i) === BACKSLASH ? 2 : 1;
        argEnd = Math.min(i, n);
        i++;
      } else {
        argStart = i;
        while (i < n && value.charCodeAt(i) !== COMMA && !isSpace(value.charCodeAt(i))) i++;
        argEnd = i;
      }
    }
    // Anything else up to the next comma is not part of a directive we read.
    while (i < n && value.charCodeAt(i) !== COMMA) i++;
    if (tokenIs(value, start, end, 'no-cache')) result = 'no-cache';
    else if (!cacheControl) continue;
    else if (tokenIs(value, start, end, 'no-store')) return 'no-store';
    else if (tokenIs(value, start, end, 'max-age') && isZero(value, argStart, argEnd))
      result = 'no-cache';
  }
  return result;
}

/** Whether `value[start, end)` is `token` (lower case) in any case. */
function tokenIs(value: string, start: number, end: number, token: string): boolean {
  if (end - start !== token.length) return false;
  // `| 0x20` folds ASCII letters to lower case and leaves `-` as it is; the one other code
  // it maps to `-` is CR, which no header value holds.
  for (let k = 0; k < token.length; k++)
    if ((value.charCodeAt(start + k) | 0x20) !== token.charCodeAt(k)) return false;
  return true;
}

/** Whether `value[start, end)` is a delta-seconds of zero (`0`, `00`). */
function isZero(value: string, start: number, end: number): boolean {
  if (start < 0 || end <= start) return false;
  for (let k = start; k < end; k++) if (value.charCodeAt(k) !== ZERO) return false;
  return true;
}
