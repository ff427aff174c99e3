/**
 * Splits what a terminal sent in one read into single keys: escape sequences (`ESC [ … final`,
 * `ESC O x`, Alt+key) stay whole, everything else is one code point per key.
 * @example splitKeys('j\r') // ['j', '\r']; splitKeys('\x1b[B\x1b[B') // ['\x1b[B', '\x1b[B']
 */
export function splitKeys(data: string): string[] {
  const keys: string[] = [];
  let i = 0;
  while (i < data.length) {
    const char = data[i] ?? '';
    if (char !== '\u001b') {
      const key = String.fromCodePoint(data.codePointAt(i) ?? 0);
      keys.push(key);
      i += key.length;
      continue;
    }
    const next = data[i + 1];
    let end: number;
    if (next === '[') {
      // CSI: parameter and intermediate bytes, then one final byte in @..~.
      end = i + 2;
      while (end < data.length && !/[@-~]/.test(data[end] ?? '')) end++;
      end = Math.min(end + 1, data.length);
    } else if (next === 'O') {
      end = Math.min(i + 3, data.length);
    } else if (next === undefined || next === '\u001b') {
      end = i + 1;
    } else {
      end = i + 2; // Alt+key
    }
    keys.push(data.slice(i, end));
    i = end;
  }
  return keys;
}
