import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { FIELDS } from '../../config/fields.js';
import { hashKey } from '../../keys/hash-key.js';
import { KeyEntry } from '../../keys/key-entry.js';
import { type CliIo, runCli } from './run-cli.js';

async function run(argv: string[], env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  let code = 0;
  const io: CliIo = {
    env,
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    exit: (c) => {
      code = c;
    },
    now: () => Date.parse('2026-06-01T00:00:00Z'),
    version: '9.9.9',
  };
  await runCli(argv, io);
  return { out: out.join(''), err: err.join(''), code };
}

describe('amberkit-proxy keys create', () => {
  test('prints exactly {"key", "entry"} with the entry ready for the keys file', async () => {
    const { out, code } = await run([
      '--',
      'keys',
      'create',
      '--name',
      'team-a',
      '--scopes',
      'customers:read,invoices:read',
      '--expires',
      '2027-01-01T00:00:00Z',
      '--rate',
      '100/min',
    ]);
    expect(code).toBe(0);
    expect(out.endsWith('\n')).toBe(true);
    expect(out.trim().split('\n')).toHaveLength(1);
    const printed = JSON.parse(out) as { key: string; entry: Record<string, unknown> };
    expect(Object.keys(printed)).toEqual(['key', 'entry']);
    expect(Object.keys(printed.entry)).toEqual([
      'name',
      'hash',
      'scopes',
      'expiresAt',
      'rateLimit',
    ]);
    expect(printed.key).toMatch(/^ak_[0-9A-Za-z]{32}$/);
    expect(printed.entry).toEqual({
      name: 'team-a',
      hash: await hashKey(printed.key),
      scopes: ['customers:read', 'invoices:read'],
      expiresAt: '2027-01-01T00:00:00.000Z',
      rateLimit: '100/min',
    });
    expect(KeyEntry.safeParse(printed.entry).success).toBe(true);
  });

  test('defaults: no expiry, no own rate limit', async () => {
    const printed = JSON.parse(
      (await run(['keys', 'create', '--name', 'ops', '--scopes', '*'])).out,
    );
    expect(printed.entry).toMatchObject({ scopes: ['*'], expiresAt: null, rateLimit: null });
  });

  test.each([
    [['keys', 'create', '--scopes', '*'], '--name is required'],
    [['keys', 'create', '--name', 'x'], '--scopes is required'],
    [
      ['keys', 'create', '--name', 'x', '--scopes', 'customers:read,root'],
      '--scopes: unknown scope "root"',
    ],
    [
      ['keys', 'create', '--name', 'x', '--scopes', '*', '--expires', 'soon'],
      '--expires: "soon" is not an ISO date',
    ],
    [
      ['keys', 'create', '--name', 'x', '--scopes', '*', '--expires', '2020-01-01'],
      '--expires: 2020-01-01 is in the past',
    ],
    [
      ['keys', 'create', '--name', 'x', '--scopes', '*', '--rate', 'lots'],
      '--rate: "lots" must look like 100/min',
    ],
    [['keys', 'rotate'], 'unknown keys command "rotate"'],
    [['launch'], 'unknown command "launch"'],
  ])('%j → one line, exit 2', async (argv, message) => {
    const { err, code, out } = await run(argv);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain(message);
    expect(err.trim().split('\n')).toHaveLength(1);
  });
});

describe('amberkit-proxy keys list', () => {
  const entries = [
    {
      name: 'team-a',
      hash: `sha256:${'a'.repeat(64)}`,
      scopes: ['customers:read', 'invoices:read'],
      expiresAt: '2027-01-01T00:00:00.000Z',
      rateLimit: '100/min',
    },
    {
      name: 'old',
      hash: `sha256:${'b'.repeat(64)}`,
      scopes: ['*'],
      expiresAt: '2025-01-01T00:00:00.000Z',
      rateLimit: null,
    },
  ];
  const file = join(mkdtempSync(join(tmpdir(), 'amberkit-list-')), 'keys.json');
  writeFileSync(file, JSON.stringify(entries));

  test('a table of the file entries, without hashes', async () => {
    const { out, code } = await run(['keys', 'list'], { AMBERKIT_KEYS_FILE: file });
    expect(code).toBe(0);
    expect(out).toBe(
      [
        'NAME    SCOPES                        EXPIRES                   RATE     STATUS',
        'team-a  customers:read,invoices:read  2027-01-01T00:00:00.000Z  100/min  active',
        'old     *                             2025-01-01T00:00:00.000Z  default  expired',
        '',
      ].join('\n'),
    );
    expect(out).not.toContain('sha256');
  });

  test('--json, and --keys-file wins over env', async () => {
    const { out } = await run(['keys', 'list', '--json', '--keys-file', file], {
      AMBERKIT_KEYS_FILE: '/nope',
    });
    // Exactly the file's entries less their hashes: nothing added, nothing renamed.
    expect(JSON.parse(out)).toEqual(entries.map(({ hash: _hash, ...rest }) => rest));
  });

  test('a missing or broken file is one line, exit 1', async () => {
    const missing = await run(['keys', 'list'], { AMBERKIT_KEYS_FILE: '/no/such/file.json' });
    expect(missing).toMatchObject({ code: 1, out: '' });
    expect(missing.err).toBe(
      'amberkit-proxy: AMBERKIT_KEYS_FILE /no/such/file.json: cannot read it (ENOENT)\n',
    );
    expect((await run(['keys', 'list'])).err).toContain('set AMBERKIT_KEYS_FILE');
  });

  test('--help and --version', async () => {
    expect((await run(['--help'])).out).toContain('amberkit-proxy keys create --name NAME');
    expect((await run(['--', '--version'])).out).toBe('9.9.9\n');
  });

  test('--help names every setting, by its variable and its flag', async () => {
    const help = (await run(['--help'])).out;
    for (const field of Object.values(FIELDS)) {
      expect(help, field.env).toMatch(new RegExp(`\\b${field.env}\\b`));
      if ('flag' in field) expect(help, field.flag).toContain(field.flag);
    }
  });
});
