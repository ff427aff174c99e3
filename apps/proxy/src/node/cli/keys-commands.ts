import { SCOPES, type Scope } from '../../auth/scopes.js';
import { ConfigError } from '../../config/config-error.js';
import type { Env } from '../../config/load-config.js';
import { RateSpec } from '../../config/rate-spec.js';
import { generateKey } from '../../keys/generate-key.js';
import { hashKey } from '../../keys/hash-key.js';
import type { KeyEntry } from '../../keys/key-entry.js';
import { parseKeyEntries } from '../../keys/parse-keys.js';
import { readKeysFile } from '../keys-file.js';
import { parseFlags } from './parse-flags.js';
import { UsageError } from './usage-error.js';

export type Io = {
  readonly env: Env;
  readonly out: (text: string) => void;
  readonly now: () => number;
};

/** `keys create`: prints `{"key": "ak_…", "entry": {…}}`; only the entry goes in the keys file. */
export async function keysCreate(args: string[], io: Io): Promise<void> {
  const { values } = parseFlags(args, {
    name: { type: 'string' },
    scopes: { type: 'string' },
    expires: { type: 'string' },
    rate: { type: 'string' },
  });
  if (!values.name?.trim())
    throw new UsageError('--name is required (a label for the team or service)');
  if (!values.scopes)
    throw new UsageError(`--scopes is required (comma-separated: ${SCOPES.join(', ')})`);
  const scopes = values.scopes
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = scopes.find((s) => !(SCOPES as readonly string[]).includes(s));
  if (unknown !== undefined || scopes.length === 0) {
    throw new UsageError(`--scopes: unknown scope "${unknown ?? ''}" (use ${SCOPES.join(', ')})`);
  }
  let expiresAt: string | null = null;
  if (values.expires !== undefined) {
    const ms = /^\d{4}-\d{2}-\d{2}/.test(values.expires) ? Date.parse(values.expires) : Number.NaN;
    if (Number.isNaN(ms))
      throw new UsageError(
        `--expires: "${values.expires}" is not an ISO date such as 2027-01-01T00:00:00Z`,
      );
    if (ms <= io.now()) throw new UsageError(`--expires: ${values.expires} is in the past`);
    expiresAt = new Date(ms).toISOString();
  }
  if (values.rate !== undefined && !RateSpec.safeParse(values.rate).success) {
    throw new UsageError(
      `--rate: "${values.rate}" must look like 100/min (units: sec, min, hour, day)`,
    );
  }
  const key = generateKey();
  const entry: KeyEntry = {
    name: values.name.trim(),
    hash: await hashKey(key),
    scopes: [...new Set(scopes)] as Scope[],
    expiresAt,
    rateLimit: values.rate ?? null,
  };
  io.out(`${JSON.stringify({ key, entry })}\n`);
}

/**
 * `keys list`: the configured entries without their hashes (design.md), as a table for people
 * (nulls spelled out, a STATUS column marking expired keys) or, with `--json`, as the entries
 * themselves less `hash`, for scripts.
 */
export async function keysList(args: string[], io: Io): Promise<void> {
  const { values } = parseFlags(args, {
    'keys-file': { type: 'string' },
    json: { type: 'boolean' },
  });
  const file = values['keys-file'] ?? io.env.AMBERKIT_KEYS_FILE;
  let entries: KeyEntry[];
  if (file) entries = await readKeysFile(file);
  else if (io.env.AMBERKIT_KEYS)
    entries = parseKeyEntries(io.env.AMBERKIT_KEYS, 'AMBERKIT_KEYS', 'env');
  else
    throw new ConfigError(
      'keys list: set AMBERKIT_KEYS_FILE (or --keys-file) or AMBERKIT_KEYS',
      'env',
    );
  const listed = entries.map(({ hash: _hash, ...rest }) => rest);
  if (values.json) {
    io.out(`${JSON.stringify(listed, null, 2)}\n`);
    return;
  }
  const rows = listed.map((entry) => ({
    ...entry,
    status:
      entry.expiresAt !== null && Date.parse(entry.expiresAt) <= io.now() ? 'expired' : 'active',
  }));
  const table = [
    ['NAME', 'SCOPES', 'EXPIRES', 'RATE', 'STATUS'],
    ...rows.map((r) => [
      r.name,
      r.scopes.join(','),
      r.expiresAt ?? 'never',
      r.rateLimit ?? 'default',
      r.status,
    ]),
  ];
  const widths = table[0]!.map((_, i) => Math.max(...table.map((row) => row[i]!.length)));
  io.out(
    `${table
      .map((row) =>
        row
          .map((cell, i) => cell.padEnd(widths[i]!))
          .join('  ')
          .trimEnd(),
      )
      .join('\n')}\n`,
  );
}
