import { createEmulator } from '@amberkit/testing/emulator';
import { describe, expect, test } from 'vitest';
import { expectAllEnded, parseBanner, startDemo } from './test-support/demo-process.js';

describe('pnpm start --upstream URL', () => {
  test('runs the proxy against that upstream with AMBERFLO_API_KEY, and starts no emulator', async () => {
    const upstream = createEmulator({ accounts: ['upstream-secret-key'], dataset: 'demo' });
    await using server = await upstream.listen({ port: 0, host: '127.0.0.1' });
    await using demo = startDemo(['--upstream', server.url], {
      AMBERFLO_API_KEY: 'upstream-secret-key',
    });
    await demo.waitFor(/Running until a signal/);
    const banner = parseBanner(demo.stdout());
    expect(banner.emulator).toBeUndefined();
    expect(banner.upstream).toBe(server.url);

    const response = await fetch(`${banner.proxy.url}/customers/customer-123456`, {
      headers: { authorization: `Bearer ${banner.key}` },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ customerName: 'Acme Corp' });
    // The request reached this upstream, with the key given in the environment.
    expect(
      upstream
        .requests()
        .some((entry) => entry.path === '/customers/customer-123456' && entry.status === 200),
    ).toBe(true);
    // The upstream's key is the proxy's secret: never printed.
    expect(demo.stdout() + demo.stderr()).not.toContain('upstream-secret-key');

    demo.child.kill('SIGTERM');
    expect((await demo.exited).code).toBe(0);
    await expectAllEnded([banner.proxy.pid]);
  });
});
