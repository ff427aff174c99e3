import { toErrorIssues } from '@amberkit/core/schemas';
import { ConfigError } from '../config/config-error.js';
import { KeyEntries, type KeyEntry } from './key-entry.js';
import { duplicateHashes } from './key-ring.js';

/**
 * Parses `AMBERKIT_KEYS` or a keys file; one line naming the offending entry when it fails,
 * or the entries (by name) when two share a hash.
 */
export function parseKeyEntries(text: string, label: string, source: 'env' | 'file'): KeyEntry[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ConfigError(`${label}: not valid JSON (expected an array of key entries)`, source);
  }
  const parsed = KeyEntries.safeParse(json);
  if (parsed.success) {
    const duplicated = duplicateHashes(parsed.data);
    if (duplicated) throw new ConfigError(`${label}: ${duplicated}`, source);
    return parsed.data;
  }
  const issue = parsed.error.issues[0]!;
  const at = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
  // Core's wording ("is required", "must be one of …"): zod/mini's own is a bare "Invalid input".
  const { message } = toErrorIssues({ issues: [issue] }, json)[0]!;
  throw new ConfigError(`${label}${at}: ${message}`, source);
}
