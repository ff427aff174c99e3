import type { Readable } from 'node:stream';
import { createEmulator } from '@amberkit/testing';
import { Miniflare } from 'miniflare';
import { describe, expect, test } from 'vitest';
import { hashKey } from './keys/hash-key.js';
import { bundleWorker, documentedWranglerConfig } from './test/runtimes.js';

const AMBERFLO_KEY = 'workerd-embed-amberflo-key';
const READER = 'ak_workerdEmbedReader00000000000000';

// An embedder's Worker: `createProxy` imported at the top, as the package's main entry gives
// it, and built inside `fetch` from the bindings.
const EMBEDDING_WORKER = `
import { createProxy } from './index.ts';
let proxy;
export default {
  fetch(request, env, ctx) {
    proxy ??= createProxy({
      upstream: { baseUrl: env.AMBERFLO_BASE_URL, apiKey: env.AMBERFLO_API_KEY },
      keys: JSON.parse(env.AMBERKIT_KEYS),
      cache: { enabled: true },
    });
    return proxy.fetch(request, env, ctx);
  },
};
`;

describe('a Worker that embeds createProxy, in workerd (miniflare)', () => {
  test('starts (no disallowed global-scope operation) and proxies to the emulator', async () => {
    const emulator = createEmulator({ accounts: [AMBERFLO_KEY] });
    await using upstream = await emulator.listen();
    const { code } = await bundleWorker('neutral', EMBEDDING_WORKER);
    const documented = documentedWranglerConfig();
    let logs = '';
    const mf = new Miniflare({
      modules: true,
      script: code,
      compatibilityDate: documented.compatibilityDate,
      compatibilityFlags: documented.flags,
      host: '127.0.0.1',
      port: 0,
      bindings: {
        AMBERFLO_BASE_URL: upstream.url,
        AMBERFLO_API_KEY: AMBERFLO_KEY,
        AMBERKIT_KEYS: JSON.stringify([
          {
            name: 'reader',
            hash: await hashKey(READER),
            scopes: ['customers:read'],
            expiresAt: null,
            rateLimit: null,
          },
        ]),
      },
      handleRuntimeStdio(stdout: Readable, stderr: Readable) {
        for (const stream of [stdout, stderr])
          stream.on('data', (chunk: Buffer) => {
            logs += chunk.toString('utf8');
          });
      },
    });
    // A runtime that never started rejects its dispose too, which would hide why.
    await using _ = { [Symbol.asyncDispose]: () => mf.dispose().catch(() => undefined) };
    // A runtime that fails to start says why on its stderr, which handleRuntimeStdio took.
    const base = await mf.ready.catch((error: Error) => {
      throw new Error(`${error.message}\n${logs}`);
    });
    const path = '/customers/customer-123456';
    const read = () =>
      fetch(new URL(path, base), { headers: { authorization: `Bearer ${READER}` } });
    const miss = await read();
    expect(miss.status, `${await miss.clone().text()}\n${logs}`).toBe(200);
    expect(miss.headers.get('x-cache')).toBe('MISS');
    expect(await miss.json()).toMatchObject({ customerId: 'customer-123456' });
    expect((await read()).headers.get('x-cache')).toBe('HIT');
    expect(emulator.requests().filter((r) => r.path === path)).toHaveLength(1);
  });
});
