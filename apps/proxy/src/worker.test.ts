import { gzipSync } from 'node:zlib';
import { createEmulator } from '@amberkit/testing';
import { describe, expect, test } from 'vitest';
import { runtimeEnv } from './config/runtime-env.js';
import { hashKey } from './keys/hash-key.js';
import { bundleWorker } from './test/runtimes.js';
import worker from './worker.js';

describe('the Workers module', () => {
  test('bundles for workerd with no node: import left, and reports its size', async () => {
    for (const platform of ['neutral', 'browser'] as const) {
      const { code, metafile } = await bundleWorker(platform);
      // Show only the offending spot, not the whole bundle, when this fails.
      expect(code.match(/.{0,60}["']node:[^"']*["']/g)).toBeNull();
      const inputs = Object.keys(metafile.inputs);
      for (const banned of ['redis', 'rate-limiter-flexible', '@hono/node-server', '/node/']) {
        expect(
          inputs.filter((i) => i.includes(banned)),
          banned,
        ).toEqual([]);
      }
      const gzipped = gzipSync(code).length;
      console.log(
        `worker bundle (${platform}): ${(code.length / 1024).toFixed(1)} KiB, ${(gzipped / 1024).toFixed(1)} KiB gzipped`,
      );
      expect(gzipped).toBeGreaterThan(10_000);
    }
  });

  test('export default { fetch } serves from the env binding', async () => {
    const emulator = createEmulator({ accounts: ['worker-amberflo-key'] });
    await using upstream = await emulator.listen();
    const key = 'ak_workerTestKey00000000000000000000';
    const env = {
      AMBERFLO_API_KEY: 'worker-amberflo-key',
      AMBERFLO_BASE_URL: upstream.url,
      AMBERKIT_KEYS: JSON.stringify([
        { name: 'w', hash: await hashKey(key), scopes: ['customers:read'] },
      ]),
    };
    const waited: Promise<unknown>[] = [];
    const ctx = { waitUntil: (p: Promise<unknown>) => void waited.push(p) };
    const ok = await worker.fetch(
      new Request('http://proxy/customers/customer-123456', {
        headers: { authorization: `Bearer ${key}` },
      }),
      env,
      ctx,
    );
    expect(ok.status).toBe(200);
    expect(ok.headers.get('x-cache')).toBe('MISS');
    const denied = await worker.fetch(new Request('http://proxy/customers'), env, ctx);
    expect(denied.status).toBe(401);
    const misconfigured = await worker.fetch(
      new Request('http://proxy/customers'),
      { AMBERFLO_API_KEY: 'x' },
      ctx,
    );
    expect(misconfigured.status).toBe(500);
    expect(await misconfigured.json()).toMatchObject({
      code: 'INTERNAL',
      message: expect.stringContaining('AMBERKIT_KEYS'),
    });
    // A failure other than the configuration's is a 500 ErrorResponse too, and is not kept:
    // the next request with the same binding builds the proxy.
    let reads = 0;
    const flaky = {
      ...env,
      get AMBERKIT_KEYS() {
        reads++;
        if (reads === 1) throw new TypeError('binding not readable yet');
        return env.AMBERKIT_KEYS;
      },
    };
    const failed = await worker.fetch(new Request('http://proxy/customers'), flaky, ctx);
    expect(failed.status).toBe(500);
    expect(failed.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await failed.json()).toEqual({
      code: 'INTERNAL',
      message: expect.stringMatching(
        /^Internal proxy error: the proxy could not be built \(TypeError\)/,
      ),
    });
    const retried = await worker.fetch(
      new Request('http://proxy/customers/customer-123456', {
        headers: { authorization: `Bearer ${key}` },
      }),
      flaky,
      ctx,
    );
    expect(retried.status).toBe(200);
    await emulator.close();
  });

  test('Bun and Deno: settings from the process environment, or one copy of Deno.env', () => {
    const binding = { AMBERFLO_API_KEY: 'k' };
    expect(runtimeEnv(binding, {})).toBe(binding);
    // Bun passes its server, Deno its connection info: neither holds settings.
    const processEnv = { AMBERFLO_API_KEY: 'from-process' };
    expect(runtimeEnv({ port: 8080 }, { process: { env: processEnv } })).toBe(processEnv);
    let copies = 0;
    const deno = {
      env: {
        toObject: () => {
          copies++;
          return { AMBERFLO_API_KEY: 'from-deno' };
        },
      },
    };
    const first = runtimeEnv({ remoteAddr: {} }, { Deno: deno });
    // The same object each time, so the module builds its proxy (cache, limits) only once.
    expect(runtimeEnv({ remoteAddr: {} }, { Deno: deno })).toBe(first);
    expect(first).toEqual({ AMBERFLO_API_KEY: 'from-deno' });
    expect(copies).toBe(1);
  });
});
