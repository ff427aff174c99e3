/** One open object or array while scanning: the keys seen so far, or the current index. */
type Level = { keys: Set<string> | undefined; index: number; key: string | undefined };

/** The scan stops at this many repeated keys, so its cost stays linear in the text. */
export const MAX_REPEATS = 10;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * The paths (`customerId`, `address.city`, `traits.0.name`, as core names fields) of object
 * keys that appear twice in the same object of `text`, which must already be valid JSON.
 * JSON.parse keeps the last copy while the raw text goes upstream, where a parser may keep the
 * first: the value validated and the value acted on must be one. Keys are compared as parsed
 * (`"a"` and `"\u0061"` are the same key). One pass over the text, each key kept once in a set
 * for its object, stopping at the {@link MAX_REPEATS}th repeat: linear in the text's length.
 */
export function duplicateKeys(text: string): string[] {
  const stack: Level[] = [];
  const found = new Set<string>();
  let repeats = 0;
  // Whether the next string is an object key: after `{` or a `,` inside an object.
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const start = i;
      let escaped = false;
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === BACKSLASH) {
          escaped = true;
          i++;
        } else if (d === QUOTE) break;
      }
      if (!expectKey) continue;
      expectKey = false;
      const raw = text.slice(start, i + 1);
      const key = escaped ? (JSON.parse(raw) as string) : raw.slice(1, -1);
      const level = stack[stack.length - 1]!;
      if (level.keys!.has(key)) {
        found.add(pathOf(stack, key));
        // Each path costs the nesting depth to build: a body of thousands of repeats deep
        // down would cost depth × repeats. The first few name the problem well enough.
        if (++repeats === MAX_REPEATS) return [...found];
      } else level.keys!.add(key);
      level.key = key;
    } else if (c === 0x7b /* { */) {
      stack.push({ keys: new Set(), index: 0, key: undefined });
      expectKey = true;
    } else if (c === 0x5b /* [ */) {
      stack.push({ keys: undefined, index: 0, key: undefined });
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      stack.pop();
      expectKey = false;
    } else if (c === 0x2c /* , */) {
      const level = stack[stack.length - 1];
      if (level?.keys) expectKey = true;
      else if (level) level.index++;
    }
  }
  return [...found];
}

/** The path of `key` in the innermost object, through the levels that hold it. */
function pathOf(stack: readonly Level[], key: string): string {
  const parts: string[] = [];
  for (let i = 0; i < stack.length - 1; i++) {
    const level = stack[i]!;
    parts.push(level.keys ? String(level.key) : String(level.index));
  }
  parts.push(key);
  return parts.join('.');
}
