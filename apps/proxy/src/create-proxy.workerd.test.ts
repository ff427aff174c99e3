import { createEmulator } from '@amberkit/testing';
import { describe, expect, test } from 'vitest';
import { hashKey } from './keys/hash-key.js';
import { bundleWorker, startWorkerd } from './test/runtimes.js';

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
    await using workerd = await startWorkerd(code, {
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
    });
    const { base } = workerd;
    const path = '/customers/customer-123456';
    const read = () =>
      fetch(new URL(path, base), { headers: { authorization: `Bearer ${READER}` } });
    const miss = await read();
    expect(miss.status, `${await miss.clone().text()}\n${workerd.logs()}`).toBe(200);
    expect(miss.headers.get('x-cache')).toBe('MISS');
    expect(await miss.json()).toMatchObject({ customerId: 'customer-123456' });
    expect((await read()).headers.get('x-cache')).toBe('HIT');
    expect(emulator.requests().filter((r) => r.path === path)).toHaveLength(1);
  });
});
