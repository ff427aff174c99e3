import { existsSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  DEMO_CLI,
  expectAllEnded,
  parseBanner,
  REPO_ROOT,
  startDemo,
} from './test-support/demo-process.js';

/** Lists customers through the proxy the way the printed curl line does. */
async function listThroughProxy(banner: ReturnType<typeof parseBanner>) {
  const [, header, url] = banner.curl.match(/^curl -H '([^']+)' (\S+)$/)!;
  const [name, value] = header!.split(': ');
  const response = await fetch(url!, { headers: { [name!]: value! } });
  return {
    status: response.status,
    cache: response.headers.get('x-cache'),
    body: (await response.json()) as unknown,
  };
}

/** A port that is free right now (bound then released). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('pnpm start without a terminal', () => {
  test('the root start script builds the demo and its parts, then runs the bin these tests run', () => {
    const { scripts } = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(scripts.start).toMatch(
      /^turbo run build --filter=@amberkit\/demo\.\.\. .*&& node (\S+)$/,
    );
    expect(scripts.start!.split(' ').at(-1)).toBe(relative(REPO_ROOT, DEMO_CLI));
  });

  test('--help and --version answer without starting anything', async () => {
    await using help = startDemo(['--', '--help']);
    expect((await help.exited).code).toBe(0);
    expect(help.stdout()).toContain('--emulator-port <n>');
    await using version = startDemo(['--version']);
    expect((await version.exited).code).toBe(0);
    expect(version.stdout()).toMatch(
      /^amberkit-demo \(@amberkit\/testing \S+, @amberkit\/proxy \S+, @amberkit\/tui \S+\)\n$/,
    );
  });

  test('starts emulator and proxy, the demo key lists customers through the proxy, SIGTERM stops everything', async () => {
    await using demo = startDemo();
    await demo.waitFor(/Running until a signal/);
    const banner = parseBanner(demo.stdout());
    expect(banner.emulator?.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(banner.proxy.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(banner.key).toMatch(/^ak_/);
    expect(banner.proxy.kind).toBe('emulator');

    const health = await fetch(`${banner.emulator!.url}/_emulator/health`);
    expect(await health.json()).toMatchObject({ status: 'ok' });
    const listed = await listThroughProxy(banner);
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ customerId: 'customer-123456', customerName: 'Acme Corp' }),
      ]),
    );
    // Without the key the proxy refuses: the key printed is what grants access.
    expect((await fetch(`${banner.proxy.url}/customers`)).status).toBe(401);

    demo.child.kill('SIGTERM');
    expect(await demo.exited).toEqual({ code: 0, signal: null });
    expect(demo.stdout()).toMatch(/amberkit demo stopped \(SIGTERM\)/);
    await expectAllEnded([banner.emulator!.pid, banner.proxy.pid]);
    await expect(fetch(`${banner.proxy.url}/healthz`)).rejects.toThrow();
    // A clean stop leaves no log folder behind.
    expect(banner.logs).toMatch(/amberkit-demo-/);
    expect(existsSync(banner.logs!)).toBe(false);
  });

  test('Ctrl-C to the whole process group (as a terminal sends it) stops every part', async () => {
    await using demo = startDemo();
    await demo.waitFor(/Running until a signal/);
    const banner = parseBanner(demo.stdout());
    process.kill(-demo.child.pid!, 'SIGINT');
    expect((await demo.exited).code).toBe(0);
    await expectAllEnded([banner.emulator!.pid, banner.proxy.pid]);
  });

  test('ports come from flags and env, flags first', async () => {
    const [emulatorPort, proxyPort, envProxyPort] = [
      await freePort(),
      await freePort(),
      await freePort(),
    ];
    await using demo = startDemo(['--', '--proxy-port', String(proxyPort)], {
      AMBERKIT_EMULATOR_PORT: String(emulatorPort),
      AMBERKIT_PROXY_PORT: String(envProxyPort),
    });
    await demo.waitFor(/Running until a signal/);
    const banner = parseBanner(demo.stdout());
    expect(banner.emulator!.url).toBe(`http://127.0.0.1:${emulatorPort}`);
    expect(banner.proxy.url).toBe(`http://127.0.0.1:${proxyPort}`);
    demo.child.kill('SIGTERM');
    expect((await demo.exited).code).toBe(0);
    await expectAllEnded([banner.emulator!.pid, banner.proxy.pid]);
  });

  test('a port that was asked for and is taken gives one clear line and exit 1', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = taken.address() as { port: number };
      await using demo = startDemo(['--emulator-port', String(port)]);
      expect((await demo.exited).code).toBe(1);
      expect(demo.stderr().trim()).toBe(
        `amberkit-demo: emulator port ${port} (--emulator-port) is in use: stop what runs there or choose another port`,
      );
      await using viaEnv = startDemo([], { PORT: String(port) });
      expect((await viaEnv.exited).code).toBe(1);
      expect(viaEnv.stderr()).toContain(`proxy port ${port} (PORT) is in use`);
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  });

  test('bad flags and settings are usage errors (exit 2), before anything starts', async () => {
    await using badFlag = startDemo(['--frobnicate']);
    expect((await badFlag.exited).code).toBe(2);
    expect(badFlag.stderr()).toMatch(/^amberkit-demo: .*--frobnicate.*\n$/);
    await using noKey = startDemo(['--upstream', 'http://127.0.0.1:9'], { AMBERFLO_API_KEY: '' });
    expect((await noKey.exited).code).toBe(2);
    expect(noKey.stderr()).toContain('--upstream needs AMBERFLO_API_KEY');
    expect(noKey.stdout()).toBe('');
  });

  test('a part that crashes stops the others and the demo exits 1 saying which', async () => {
    await using demo = startDemo();
    await demo.waitFor(/Running until a signal/);
    const banner = parseBanner(demo.stdout());
    process.kill(banner.proxy.pid, 'SIGKILL');
    expect((await demo.exited).code).toBe(1);
    expect(demo.stderr()).toContain('proxy ended unexpectedly (signal SIGKILL)');
    await expectAllEnded([banner.emulator!.pid, banner.proxy.pid]);
    // After a crash the logs stay, and the exit banner says where.
    expect(parseBanner(demo.stdout()).logs).toBe(banner.logs);
    expect(readFileSync(`${banner.logs}/proxy.log`, 'utf8')).toContain('"msg":"listening"');
    rmSync(banner.logs!, { recursive: true, force: true });
  });
});
