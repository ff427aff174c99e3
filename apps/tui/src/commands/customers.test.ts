import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { buildCustomer } from '@amberkit/testing';
import stringWidth from 'string-width';
import { describe, expect, test } from 'vitest';
import { API_KEY, sharedEmulatorEnv, writeRequests } from './test-support/emulator-env.js';
import { CLI_PATH, runCli } from './test-support/run-cli.js';

const shared = sharedEmulatorEnv();

const cli = (args: string[], options: { input?: string; env?: Record<string, string> } = {}) =>
  runCli(args, { ...options, env: { ...shared().env, ...options.env } });
const customer = (id: string) =>
  shared()
    .emulator.snapshot()
    .customers.find((c) => c.customerId === id);
const writes = () => writeRequests(shared().emulator);

describe('amberkit customers (as a process, against the emulator over TCP)', () => {
  test('list --json prints one JSON document: the account’s customers', async () => {
    const result = await cli(['customers', 'list', '--json']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const listed = JSON.parse(result.stdout) as { customerId: string }[];
    const ids = shared()
      .emulator.snapshot()
      .customers.map((c) => c.customerId);
    expect(listed.map((c) => c.customerId)).toEqual(ids);
    expect(ids.length).toBeGreaterThan(30);
  });

  test('list without --json is a compact table', async () => {
    const result = await cli(['customers', 'list']);
    expect(result.code).toBe(0);
    const [header, ...rows] = result.stdout.trimEnd().split('\n');
    expect(header).toMatch(/^ID\s+NAME\s+EMAIL\s+STAGE\s+CREATED$/);
    expect(rows.find((row) => row.startsWith('customer-123456'))).toMatch(/Acme Corp/);
    expect(rows).toHaveLength(shared().emulator.snapshot().customers.length);
  });

  test('list in a pipe holds a name or email to 48 cells, cut with …; ids are never cut', async () => {
    const longId = `id-${'9'.repeat(120)}`;
    shared().emulator.load(API_KEY, {
      customers: [
        buildCustomer({
          customerId: longId,
          customerName: `Long ${'名'.repeat(50_000)}`,
          customerEmail: `${'e'.repeat(60)}@example.com`,
        }),
      ],
    });
    const result = await cli(['customers', 'list']);
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    const row = lines.find((line) => line.startsWith(longId)) ?? '';
    // The id whole, then the name cut whole-character to 48 cells, then the email cut to 48.
    expect(row).toMatch(new RegExp(`^${longId} +Long 名{21}… +e{47}… +`));
    for (const line of lines) expect(stringWidth(line)).toBeLessThan(longId.length + 2 * 50 + 40);
  });

  test('list lines up wide (CJK, emoji) names: every column starts at the same display column', async () => {
    const made = [
      ['aa-jp', '株式会社サンプル東京支店営業部', 'jp@sample.example'],
      ['aa-emoji', 'Cake 🍰 Shop 👩‍👩‍👧 🇯🇵', 'cake@shop.example'],
    ] as const;
    for (const [id, name, email] of made) {
      const created = await cli([
        'customers',
        'create',
        '--id',
        id,
        '--name',
        name,
        '--email',
        email,
      ]);
      expect(created.stderr).toBe('');
    }
    const result = await cli(['customers', 'list']);
    expect(result.code).toBe(0);
    const [header = '', ...rows] = result.stdout.trimEnd().split('\n');
    const at = (line: string, text: string) => stringWidth(line.slice(0, line.indexOf(text)));
    const expected = [...made, ['customer-123456', 'Acme Corp', 'billing@acme.com'] as const];
    for (const [id, name, email] of expected) {
      const row = rows.find((line) => line.startsWith(`${id} `)) ?? '';
      expect(row).toContain(name);
      expect(at(row, email)).toBe(at(header, 'EMAIL'));
    }
  });

  test('get prints the record; an unknown id is exit 1 with the server’s message and code', async () => {
    const found = await cli(['customers', 'get', 'customer-123456', '--json']);
    expect(found.code).toBe(0);
    expect(JSON.parse(found.stdout)).toEqual(customer('customer-123456'));

    const missing = await cli(['customers', 'get', 'no-such-customer']);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toBe('');
    expect(missing.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(missing.stderr).toMatch(/^amberkit: .*404.*NOT_FOUND/);
    expect(missing.stderr).not.toContain(API_KEY);
  });

  test('create from flags sends every field and prints the created customer', async () => {
    const result = await cli([
      'customers',
      'create',
      '--id',
      'cli-new-1',
      '--name',
      'New Co',
      '--email',
      'ops@new.example',
      '--description',
      'made by a test',
      '--stage',
      'active',
      '--test',
      '--trait',
      'tier=gold',
      '--trait',
      'region=eu-west',
      '--address-line1',
      '1 Main St',
      '--address-city',
      'Berlin',
      '--address-country',
      'DE',
      '--json',
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const stored = customer('cli-new-1');
    expect(stored).toMatchObject({
      customerName: 'New Co',
      customerEmail: 'ops@new.example',
      description: 'made by a test',
      lifecycleStage: 'ACTIVE',
      test: true,
      traits: { tier: 'gold', region: 'eu-west' },
      address: { line1: '1 Main St', city: 'Berlin', country: 'DE' },
    });
    expect(JSON.parse(result.stdout)).toEqual(stored);
  });

  test('--stage takes the spec spellings only: TRIAL is refused naming TRAIL, trail is stored', async () => {
    const base = ['customers', 'create', '--id', 'stage-1', '--name', 'S'];
    const trial = await cli([...base, '--stage', 'trial']);
    expect(trial.code).toBe(2);
    expect(trial.stderr).toMatch(/^amberkit: --stage: .*spec spells it TRAIL/);
    expect(trial.stderr.trim().split('\n')).toHaveLength(1);
    const viaBody = await cli(['customers', 'create', '--body', '-'], {
      input: JSON.stringify({ customerId: 'stage-1', customerName: 'S', lifecycleStage: 'TRIAL' }),
    });
    expect(viaBody.code).toBe(2);
    expect(viaBody.stderr).toContain('TRAIL');
    expect(writes()).toEqual([]);
    const trail = await cli([...base, '--stage', 'trail', '--json']);
    expect(trail.code).toBe(0);
    expect(customer('stage-1')?.lifecycleStage).toBe('TRAIL');
    // An update's body follows the same rule, refused before anything is sent.
    const updateBody = await cli(['customers', 'update', 'stage-1', '--body', '-'], {
      input: JSON.stringify({ customerId: 'stage-1', customerName: 'S2', lifecycleStage: 'TRIAL' }),
    });
    expect(updateBody.code).toBe(2);
    expect(updateBody.stderr).toMatch(
      /^amberkit: lifecycleStage \(--body\): .*spec spells it TRAIL/,
    );
    expect(writes().filter((w) => w.method === 'PUT')).toEqual([]);
    expect(customer('stage-1')?.customerName).toBe('S');
    const help = await cli(['customers', 'create', '--help']);
    expect(help.stdout).toContain('ONBOARDING, TRAIL, ACTIVE or OFFBOARDED');
    expect(help.stdout).not.toContain('TRIAL');
  });

  test('--address-verified sets address.verified; --help lists it', async () => {
    const result = await cli([
      'customers',
      'create',
      '--id',
      'verified-1',
      '--name',
      'V',
      '--address-line1',
      '1 Main St',
      '--address-city',
      'Berlin',
      '--address-country',
      'DE',
      '--address-verified',
      '--json',
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(customer('verified-1')?.address).toEqual({
      line1: '1 Main St',
      city: 'Berlin',
      country: 'DE',
      verified: true,
    });
    const update = await cli(['customers', 'update', 'verified-1', '--no-address-verified']);
    expect(update.stderr).toBe('');
    expect(customer('verified-1')?.address?.verified).toBe(false);
    const help = await cli(['customers', 'update', '--help']);
    expect(help.stdout).toContain('--address-verified');
  });

  test('create --body - reads JSON from stdin; a duplicate id is an API error (exit 1)', async () => {
    const body = JSON.stringify({ customerId: 'cli-body-1', customerName: 'Body Co' });
    const created = await cli(['customers', 'create', '--body', '-', '--json'], { input: body });
    expect(created.code).toBe(0);
    expect(customer('cli-body-1')?.customerName).toBe('Body Co');

    const again = await cli(['customers', 'create', '--body', '-'], { input: body });
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/CONFLICT/);
  });

  test('invalid input is a usage error naming the field, and nothing is sent', async () => {
    const result = await cli([
      'customers',
      'create',
      '--id',
      'x-1',
      '--name',
      'X',
      '--email',
      'nope',
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^amberkit: invalid input: customerEmail \(--email\): /);
    const noName = await cli(['customers', 'create', '--id', 'x-2']);
    expect(noName.code).toBe(2);
    expect(noName.stderr).toContain('customerName (--name)');
    const badJson = await cli(['customers', 'create', '--body', '-'], { input: '{"customerId": ' });
    expect(badJson.code).toBe(2);
    expect(badJson.stderr).toContain('--body: stdin is not valid JSON');
    expect(writes()).toEqual([]);
  });

  test('update fetches the record, lays the flags over it and sends the whole of it', async () => {
    const before = shared()
      .emulator.snapshot()
      .customers.find((c) => Object.keys(c.traits ?? {}).length > 0 && c.address !== undefined);
    if (before === undefined)
      throw new Error('the demo dataset has a customer with traits and address');
    const id = before.customerId;
    const result = await cli([
      'customers',
      'update',
      id,
      '--name',
      'Renamed',
      '--trait',
      'added=yes',
      '--json',
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const after = customer(id)!;
    expect(after.customerName).toBe('Renamed');
    // The API replaces the record: untouched fields survive only because we sent them.
    expect(after.traits).toEqual({ ...before.traits, added: 'yes' });
    expect(after.address).toEqual(before.address);
    expect(after.customerEmail).toBe(before.customerEmail);
    expect(after.lifecycleStage).toBe(before.lifecycleStage);
    expect(JSON.parse(result.stdout)).toEqual(after);
    expect(
      shared()
        .emulator.requests()
        .map((r) => r.method),
    ).toEqual(['GET', 'PUT']);
  });

  test('update --body replaces the record as given; a mismatched id is refused', async () => {
    const body = { customerId: 'customer-123456', customerName: 'Bare Acme' };
    await cli(['customers', 'update', 'customer-123456', '--trait', 'k=v']);
    expect(customer('customer-123456')?.traits).toEqual({ k: 'v' });
    const result = await cli(['customers', 'update', 'customer-123456', '--body', '-'], {
      input: JSON.stringify(body),
    });
    expect(result.code).toBe(0);
    expect(customer('customer-123456')?.customerName).toBe('Bare Acme');
    expect(customer('customer-123456')?.traits).toBeUndefined();
    const wrong = await cli(['customers', 'update', 'other-id', '--body', '-'], {
      input: JSON.stringify(body),
    });
    expect(wrong.code).toBe(2);
    const nothing = await cli(['customers', 'update', 'customer-123456']);
    expect(nothing.code).toBe(2);
    expect(nothing.stderr).toContain('nothing to change');
  });

  test('delete needs --yes without a terminal; with it the customer is gone', async () => {
    const refused = await cli(['customers', 'delete', 'customer-123456']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/not a terminal.*--yes/);
    expect(customer('customer-123456')).toBeDefined();
    expect(writes()).toEqual([]);

    const deleted = await cli(['customers', 'delete', 'customer-123456', '--yes', '--json']);
    expect(deleted.code).toBe(0);
    expect(JSON.parse(deleted.stdout)).toEqual({ customerId: 'customer-123456', deleted: true });
    expect(customer('customer-123456')).toBeUndefined();
  });

  test('read-only (flag, env or profile) refuses every write before sending; reads still work', async () => {
    const create = ['customers', 'create', '--id', 'ro-1', '--name', 'RO'];
    const byFlag = await cli(['--read-only', ...create]);
    expect(byFlag.code).toBe(2);
    expect(byFlag.stderr).toMatch(/read-only mode .* forbids `amberkit customers create`/);
    const byEnv = await cli(['customers', 'delete', 'customer-123456', '--yes'], {
      env: { AMBERKIT_READ_ONLY: '1' },
    });
    expect(byEnv.code).toBe(2);
    const login = await cli([
      'login',
      '--profile',
      'safe',
      '--base-url',
      shared().server.url,
      '--api-key',
      API_KEY,
      '--read-only',
    ]);
    expect(login.code).toBe(0);
    const byProfile = await cli([
      'customers',
      'update',
      'customer-123456',
      '--name',
      'N',
      '--profile',
      'safe',
    ]);
    expect(byProfile.code).toBe(2);
    expect(writes()).toEqual([]);
    const read = await cli(['customers', 'list', '--json', '--read-only']);
    expect(read.code).toBe(0);
  });

  test('a wrong key is exit 1 and the key is never printed', async () => {
    const result = await cli(['customers', 'list'], {
      env: { AMBERKIT_API_KEY: 'wrong-key-987654' },
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/401|UNAUTHORIZED/);
    expect(result.stderr).not.toContain('wrong-key-987654');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  test('a value that is not UTF-8 (Latin-1 bytes) is refused naming its flag, not stored with U+FFFD', async () => {
    // Only a shell can hand a process bytes that are not UTF-8: printf writes \351 (é in Latin-1).
    const run = promisify(execFile);
    const script = `"${process.execPath}" "${CLI_PATH}" customers create --id latin1 --name "$(printf 'Caf\\351')"`;
    const result = await run('sh', ['-c', script], {
      env: { PATH: process.env.PATH ?? '', ...shared().env },
    }).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'amberkit: --name is not valid UTF-8 (check the encoding of your terminal or script); nothing was sent\n',
    );
    const file = join(shared().configHome, 'latin1.json');
    await writeFile(
      file,
      Buffer.from('{"customerId":"latin1","customerName":"Caf\xe9"}', 'latin1'),
    );
    const body = await cli(['customers', 'create', '--body', file]);
    expect(body.code).toBe(2);
    expect(body.stderr).toBe(`amberkit: --body: ${file} is not valid UTF-8; save it as UTF-8\n`);
    expect(writes()).toEqual([]);
  });
});
