import { createEmulator } from '@amberkit/testing';
import { supportedCompatibilityDate } from 'miniflare';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { hashKey } from './keys/hash-key.js';
import { bundleWorker, documentedWranglerConfig, startWorkerd } from './test/runtimes.js';

const AMBERFLO_KEY = 'workerd-amberflo-key';
const READER = 'ak_workerdReader000000000000000000';
const WRITER = 'ak_workerdWriter000000000000000000';
const emulator = createEmulator({ accounts: [AMBERFLO_KEY] });
let upstream: Awaited<ReturnType<typeof emulator.listen>>;
let workerd: Awaited<ReturnType<typeof startWorkerd>>;
let base: URL;

// The settings of the wrangler.jsonc in docs/proxy.md, as a deploy would use them. workerd
// refuses a date newer than it knows ("This Worker requires compatibility date …, but the
// newest date supported by this server binary is …"): the documented date must be one the
// runtime wrangler 4.86 ships can run.
const documented = documentedWranglerConfig();
const compatibilityDate = documented.compatibilityDate;

beforeAll(async () => {
  upstream = await emulator.listen();
  const { code } = await bundleWorker();
  workerd = await startWorkerd(code, {
    AMBERFLO_BASE_URL: upstream.url,
    AMBERFLO_API_KEY: AMBERFLO_KEY,
    AMBERKIT_KEYS: JSON.stringify([
      { name: 'reader', hash: await hashKey(READER), scopes: ['customers:read'] },
      {
        name: 'writer',
        hash: await hashKey(WRITER),
        scopes: ['customers:read', 'customers:write'],
      },
    ]),
  });
  base = workerd.base;
});

afterAll(async () => {
  await workerd?.[Symbol.asyncDispose]();
  await upstream?.close();
});

const get = (path: string, key?: string) =>
  fetch(new URL(path, base), key ? { headers: { authorization: `Bearer ${key}` } } : {});
const upstreamReads = (path: string) =>
  emulator.requests().filter((r) => r.method === 'GET' && r.path === path).length;

describe(`the Workers module in workerd (miniflare, compatibility date ${compatibilityDate})`, () => {
  test('the documented compatibility settings are ones this workerd runs', () => {
    expect(documented.flags).toEqual([]);
    expect(compatibilityDate <= supportedCompatibilityDate).toBe(true);
  });

  test('/healthz reaches the emulator on 127.0.0.1 from inside workerd', async () => {
    const response = await get('/healthz');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: 'ok',
      upstream: { origin: new URL(upstream.url).origin, kind: 'emulator' },
    });
  });

  test('an authenticated GET is a MISS, then a HIT served without going upstream', async () => {
    const path = '/customers/customer-123456';
    const before = upstreamReads(path);
    const miss = await get(path, READER);
    expect(miss.status).toBe(200);
    expect(miss.headers.get('x-cache')).toBe('MISS');
    expect(await miss.json()).toMatchObject({
      customerId: 'customer-123456',
      customerName: 'Acme Corp',
    });
    const hit = await get(path, READER);
    expect(hit.status).toBe(200);
    expect(hit.headers.get('x-cache')).toBe('HIT');
    expect(hit.headers.get('age')).toMatch(/^\d+$/);
    expect(await hit.json()).toMatchObject({ customerName: 'Acme Corp' });
    expect(upstreamReads(path)).toBe(before + 1);
  });

  test('no key is a 401; a key without the scope is a 403', async () => {
    const denied = await get('/customers');
    expect(denied.status).toBe(401);
    expect(denied.headers.get('www-authenticate')).toMatch(/^Bearer /);
    expect(await denied.json()).toMatchObject({ code: 'UNAUTHORIZED' });
    const forbidden = await fetch(new URL('/customers', base), {
      method: 'POST',
      headers: { authorization: `Bearer ${READER}`, 'content-type': 'application/json' },
      body: JSON.stringify({ customerId: 'x', customerName: 'X' }),
    });
    expect(forbidden.status).toBe(403);
    expect(await forbidden.json()).toMatchObject({ code: 'FORBIDDEN' });
  });

  test('a write through the worker invalidates the cached read', async () => {
    const path = '/customers/customer-123456';
    await get(path, READER);
    const cached = await get(path, READER);
    expect(cached.headers.get('x-cache')).toBe('HIT');
    const customer = (await cached.json()) as Record<string, unknown>;
    const put = await fetch(new URL('/customers', base), {
      method: 'PUT',
      headers: { authorization: `Bearer ${WRITER}`, 'content-type': 'application/json' },
      body: JSON.stringify({ ...customer, customerName: 'Acme Corp (workerd)' }),
    });
    expect(put.status).toBe(200);
    expect(await put.json()).toMatchObject({ customerName: 'Acme Corp (workerd)' });
    const before = upstreamReads(path);
    const fresh = await get(path, READER);
    expect(fresh.headers.get('x-cache')).toBe('MISS');
    expect(await fresh.json()).toMatchObject({ customerName: 'Acme Corp (workerd)' });
    expect(upstreamReads(path)).toBe(before + 1);
    const stored = emulator.snapshot().customers.find((c) => c.customerId === 'customer-123456');
    expect(stored?.customerName).toBe('Acme Corp (workerd)');
  });

  test('the worker logged its requests without a secret in them', () => {
    const logs = workerd.logs();
    expect(logs).toContain('"route"');
    for (const secret of [AMBERFLO_KEY, READER, WRITER]) expect(logs).not.toContain(secret);
  });
});
