import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createEmulator } from './create-emulator.js';
import { DataFileError } from './errors.js';
import { KEY } from './test-support.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'amberkit-emulator-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const headers = { 'x-api-key': KEY, 'content-type': 'application/json' };

describe('dataFile persistence', () => {
  test('data created over HTTP survives a restart; the file holds no API key', async () => {
    const dataFile = join(dir, 'state', 'emulator.json');
    let keptBefore = '';
    {
      const emulator = createEmulator({ accounts: [KEY, 'other-key'], dataFile });
      await using server = await emulator.listen();
      const post = (path: string, body: unknown, key = KEY) =>
        fetch(`${server.url}${path}`, {
          method: 'POST',
          headers: { ...headers, 'x-api-key': key },
          body: JSON.stringify(body),
        });
      expect((await post('/customers', { customerId: 'kept', customerName: 'Kept' })).status).toBe(
        200,
      );
      expect(
        (await post('/customers', { customerId: 'theirs', customerName: 'T' }, 'other-key')).status,
      ).toBe(200);
      await post('/payments-pricing-amberflo-customer-prepaid', { customerId: 'kept', amount: 3 });
      await fetch(`${server.url}/customers/customer-123456`, { method: 'DELETE', headers });
      keptBefore = await (await fetch(`${server.url}/customers/kept`, { headers })).text();
    }
    const text = await readFile(dataFile, 'utf8');
    expect(text).not.toContain(KEY);
    expect(text).not.toContain('other-key');
    expect((await readdir(join(dir, 'state'))).filter((f) => f.endsWith('.tmp'))).toEqual([]);

    const again = createEmulator({ accounts: [KEY, 'other-key'], dataFile });
    await again.ready;
    const ids = again.snapshot().customers.map((c) => c.customerId);
    expect(ids).toContain('kept');
    expect(ids).not.toContain('customer-123456');
    expect(again.snapshot().prepaidOrders).toEqual([
      expect.objectContaining({ customerId: 'kept', amount: 3 }),
    ]);
    expect(again.snapshot('other-key').customers.map((c) => c.customerId)).toEqual(['theirs']);
    const res = await again.fetch('/customers/kept', { headers });
    expect(res.status).toBe(200);
    // Byte for byte, key order included.
    expect(await res.text()).toBe(keptBefore);
  });

  test('a missing file starts from the dataset; close() flushes pending writes', async () => {
    const dataFile = join(dir, 'fresh.json');
    const emulator = createEmulator({ accounts: [KEY], dataFile });
    const res = await emulator.fetch('/customers', {
      method: 'POST',
      headers,
      body: JSON.stringify({ customerId: 'n', customerName: 'N' }),
    });
    expect(res.status).toBe(200);
    expect(emulator.snapshot().customers.length).toBe(34);
    await emulator.close();
    const saved = JSON.parse(await readFile(dataFile, 'utf8'));
    expect(saved).toMatchObject({ format: 'amberkit-emulator', version: 1 });
    const [account] = Object.values(saved.accounts) as Array<{ customers: unknown[] }>;
    expect(account?.customers.length).toBe(34);
  });

  test.each([
    ['not JSON', '{"format": "amberkit-emul', /is corrupt \(not JSON/],
    ['empty', '', /is corrupt \(not JSON/],
    [
      'wrong shape',
      '{"format":"amberkit-emulator","version":1,"accounts":{"a":{"customers":[{"customerId":5}]}}}',
      /not emulator data: accounts\.a\.customers\.0\.customerId/,
    ],
  ])('a %s file is a DataFileError naming the file', async (_name, content, message) => {
    const dataFile = join(dir, 'bad.json');
    await writeFile(dataFile, content);
    const emulator = createEmulator({ accounts: [KEY], dataFile });
    const error = await emulator.ready.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataFileError);
    expect((error as Error).message).toContain(dataFile);
    expect((error as Error).message).toMatch(message);
    await expect(emulator.listen()).rejects.toBeInstanceOf(DataFileError);
    // In process, every request says so: 503 with the file named, never a 500.
    const res = await emulator.fetch('/customers', { headers });
    expect(res.status).toBe(503);
    const body = (await res.json()) as { code: string; message: string };
    expect(body.code).toBe('INTERNAL');
    expect(body.message).toContain(`Emulator not ready: Data file ${dataFile}`);
    expect(await readFile(dataFile, 'utf8')).toBe(content);
  });

  test("two emulators sharing one file keep each other's accounts", async () => {
    const dataFile = join(dir, 'shared.json');
    const a = createEmulator({ accounts: ['key-a'], dataset: 'empty', dataFile });
    const b = createEmulator({ accounts: ['key-b'], dataset: 'empty', dataFile });
    await Promise.all([a.ready, b.ready]);
    const create = (emulator: typeof a, key: string, customerId: string) =>
      emulator.fetch('/customers', {
        method: 'POST',
        headers: { ...headers, 'x-api-key': key },
        body: JSON.stringify({ customerId, customerName: customerId }),
      });
    // Interleaved saves, in both orders, some at the same moment.
    expect((await create(a, 'key-a', 'from-a-1')).status).toBe(200);
    expect((await create(b, 'key-b', 'from-b-1')).status).toBe(200);
    await Promise.all([a.close(), b.close()]);
    expect((await create(b, 'key-b', 'from-b-2')).status).toBe(200);
    await b.close();
    expect((await create(a, 'key-a', 'from-a-2')).status).toBe(200);
    await Promise.all([a.close(), b.close()]);

    const again = createEmulator({ accounts: ['key-a', 'key-b'], dataFile });
    await again.ready;
    const ids = (key: string) => again.snapshot(key).customers.map((c) => c.customerId);
    expect(ids('key-a')).toEqual(['from-a-1', 'from-a-2']);
    expect(ids('key-b')).toEqual(['from-b-1', 'from-b-2']);
  });
});
