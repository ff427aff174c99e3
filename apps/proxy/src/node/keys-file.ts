import { readFile } from 'node:fs/promises';
import { ConfigError } from '../config/config-error.js';
import type { KeyEntry } from '../keys/key-entry.js';
import { createKeyRing, createKeySource, type KeySource } from '../keys/key-ring.js';
import { parseKeyEntries } from '../keys/parse-keys.js';

/** Reads and validates a keys file; one line naming the file and the bad entry on failure. */
export async function readKeysFile(path: string): Promise<KeyEntry[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConfigError(
      `AMBERKIT_KEYS_FILE ${path}: cannot read it (${code ?? 'error'})`,
      'file',
    );
  }
  return parseKeyEntries(text, `AMBERKIT_KEYS_FILE ${path}`, 'file');
}

/**
 * A key source backed by a file. `reload()` reads it again and swaps the ring in one step;
 * a file that fails to parse leaves the previous ring in place (and the error is thrown to
 * the caller to log), so a bad edit never locks every caller out.
 */
export async function createFileKeySource(
  path: string,
): Promise<KeySource & { reload(): Promise<number> }> {
  const source = createKeySource(createKeyRing(await readKeysFile(path)));
  return {
    current: source.current,
    async reload() {
      const ring = createKeyRing(await readKeysFile(path));
      source.replace(ring);
      return ring.size;
    },
  };
}
