import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { build } from 'tsdown';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { createEmulator as CreateEmulator } from './create-emulator.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
let out = '';
let code = '';

beforeAll(async () => {
  // The package's root entry with every dependency (core, hono, zod) bundled for a browser-like
  // platform; the Node-only modules stay behind their dynamic imports.
  await mkdir(join(root, '.tmp'), { recursive: true });
  out = await mkdtemp(join(root, '.tmp', 'edge-test-'));
  await build({
    config: false,
    cwd: root,
    entry: { edge: 'src/index.ts' },
    outDir: out,
    format: 'iife',
    globalName: 'AmberkitTesting',
    platform: 'browser',
    dts: false,
    sourcemap: false,
    logLevel: 'error',
    deps: { alwaysBundle: () => true, neverBundle: [/data-file/, /listen-node/] },
    inputOptions: {
      resolve: { conditionNames: ['@amberkit/source', 'worker', 'browser', 'import', 'default'] },
    },
  });
  const file = (await readdir(out)).find((name) => name.endsWith('.js'));
  code = await readFile(join(out, file ?? 'missing.js'), 'utf8');
}, 120_000);

afterAll(async () => {
  if (out) await rm(out, { recursive: true, force: true });
});

/** A realm with the Web APIs an edge runtime has, and no `process`, `require` or `Buffer`. */
function edgeRealm() {
  return vm.createContext({
    ...{ Request, Response, Headers, URL, URLSearchParams, TextEncoder, TextDecoder },
    ...{ ReadableStream, AbortController, AbortSignal, DOMException, crypto, fetch },
    ...{ setTimeout, clearTimeout, structuredClone, queueMicrotask, console },
  });
}

describe('on an edge runtime (Web APIs only)', () => {
  test('the bundle imports no node: module', () => {
    expect(code.length).toBeGreaterThan(10_000);
    expect(code).not.toMatch(/["']node:/);
  });

  test('the in-process emulator and fixtures run without Node globals', async () => {
    const realm = edgeRealm();
    expect(vm.runInContext('typeof process + typeof require + typeof Buffer', realm)).toBe(
      'undefinedundefinedundefined',
    );
    vm.runInContext(code, realm);
    const lib = realm.AmberkitTesting as {
      createEmulator: typeof CreateEmulator;
      loadDataset: (name: 'demo') => { customers: unknown[] };
    };
    expect(lib.loadDataset('demo').customers.length).toBe(33);
    const emulator = lib.createEmulator({ accounts: ['k'], faults: [{ latencyMs: 5 }] });
    const headers = { 'x-api-key': 'k', 'content-type': 'application/json' };
    const created = await emulator.fetch('/customers', {
      method: 'POST',
      headers,
      body: JSON.stringify({ customerId: 'edge', customerName: 'Edge Co' }),
    });
    expect(created.status).toBe(200);
    const got = await emulator.app.request('/customers/edge', { headers });
    expect(await got.json()).toMatchObject({ customerId: 'edge', customerName: 'Edge Co' });
    const bad = await emulator.fetch('/customers', { method: 'POST', headers, body: '{' });
    expect(await bad.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    const reset = await emulator.fetch('/_emulator/reset', { method: 'POST' });
    expect(reset.status).toBe(200);
    expect(emulator.requests()).toEqual([]);
  });
});
