import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { Miniflare, supportedCompatibilityDate } from 'miniflare';
import { describe, expect, test } from 'vitest';
import { assertCoreBuilt } from '../../../../dist-freshness.js';
import { createEmulator } from '../emulator/create-emulator.js';
import type { ClientProbe } from './client-probe.js';
import { runToEnd, runtimeBinary } from './runtime-binary.js';

const here = dirname(fileURLToPath(import.meta.url));
const packageRoot = join(here, '..', '..');
const KEY = 'runtime-client-key';

/** An emulator on 127.0.0.1 and what the probe must answer from it in `userAgent`'s runtime. */
async function upstream() {
  const emulator = createEmulator({ accounts: [KEY] });
  const server = await emulator.listen();
  const customers = emulator.snapshot().customers.length;
  const expected = (userAgent: string, customerId: string): ClientProbe => ({
    userAgent,
    listed: { count: customers, hasAcme: true },
    acme: { customerName: 'Acme Corp', createTime: expect.any(Number) },
    created: { customerId, customerName: `Created on ${userAgent}` },
    readBack: { customerName: `Created on ${userAgent}`, traits: { runtime: userAgent } },
    missing: 'NotFoundError 404',
    invoice: { totalAmount: 99.5, currency: 'USD', status: 'PAID' },
  });
  const stored = (customerId: string) =>
    emulator.snapshot().customers.find((c) => c.customerId === customerId);
  return { emulator, server, expected, stored };
}

/** A scratch folder inside the package, so bare imports resolve through its node_modules. */
function scratch(name: string) {
  mkdirSync(join(packageRoot, '.tmp'), { recursive: true });
  const dir = mkdtempSync(join(packageRoot, '.tmp', `${name}-`));
  const probe = `./${relative(dir, join(here, 'client-probe.ts'))}`;
  return { dir, probe, [Symbol.dispose]: () => rmSync(dir, { recursive: true, force: true }) };
}

describe("core's client in real runtimes, against the emulator on 127.0.0.1", () => {
  test(`workerd (miniflare, compatibility date ${supportedCompatibilityDate}, no flags)`, async () => {
    const { server, expected, stored } = await upstream();
    await using _server = server;
    // Bundled as wrangler would, for the workerd conditions and without nodejs_compat.
    const bundle = await build({
      stdin: {
        contents: [
          "import { probeClient } from './client-probe.ts';",
          'export default {',
          '  async fetch(request, env) {',
          '    const options = { baseUrl: env.AMBERFLO_BASE_URL, apiKey: env.AMBERFLO_API_KEY };',
          "    return Response.json(await probeClient({ ...options, customerId: 'created-on-workerd' }));",
          '  },',
          '};',
        ].join('\n'),
        resolveDir: here,
        loader: 'js',
      },
      bundle: true,
      write: false,
      format: 'esm',
      platform: 'neutral',
      conditions: ['@amberkit/source', 'workerd', 'worker', 'browser'],
      mainFields: ['browser', 'module', 'main'],
      logLevel: 'silent',
    });
    let logs = '';
    const mf = new Miniflare({
      modules: true,
      script: bundle.outputFiles[0]!.text,
      compatibilityDate: supportedCompatibilityDate,
      bindings: { AMBERFLO_BASE_URL: server.url, AMBERFLO_API_KEY: KEY },
      handleRuntimeStdio(stdout: Readable, stderr: Readable) {
        stdout.on('data', (chunk: Buffer) => {
          logs += chunk.toString('utf8');
        });
        stderr.on('data', (chunk: Buffer) => {
          logs += chunk.toString('utf8');
        });
      },
    });
    try {
      const response = await mf.dispatchFetch('http://worker/');
      const text = await response.text();
      expect(response.status, `${text}\n${logs}`).toBe(200);
      expect(JSON.parse(text)).toEqual(expected('Cloudflare-Workers', 'created-on-workerd'));
    } finally {
      await mf.dispose();
    }
    expect(stored('created-on-workerd')?.traits).toEqual({ runtime: 'Cloudflare-Workers' });
  });

  // The two command-line runtimes: how each takes its arguments, is started and names itself.
  const commandLine = [
    {
      title: 'Bun (bun run, @amberkit/core from its dist)',
      runtime: 'bun',
      argv: 'process.argv.slice(2)',
      run: () => ['run', 'probe.ts'],
      env: (dir: string) => ({ HOME: dir, BUN_RUNTIME_TRANSPILER_CACHE_PATH: '0' }),
      agent: (version: string) => `Bun/${version}`,
    },
    {
      title: 'Deno (deno run, network limited to the emulator)',
      runtime: 'deno',
      argv: 'Deno.args',
      run: (host: string) => ['run', `--allow-net=${host}`, 'probe.ts'],
      env: (dir: string) => ({ DENO_DIR: join(dir, '.deno'), DENO_NO_UPDATE_CHECK: '1' }),
      agent: (version: string) => `Deno/${version}`,
    },
  ] as const;

  for (const { title, runtime, argv, run, env, agent } of commandLine)
    test(title, async () => {
      assertCoreBuilt();
      const binary = runtimeBinary(runtime);
      const { server, expected, stored } = await upstream();
      await using _server = server;
      using dir = scratch(runtime);
      writeFileSync(
        join(dir.dir, 'probe.ts'),
        [
          `import { probeClient } from '${dir.probe}';`,
          `const [baseUrl, apiKey, customerId] = ${argv};`,
          'console.log(JSON.stringify(await probeClient({ baseUrl, apiKey, customerId })));',
          '',
        ].join('\n'),
      );
      const customerId = `created-on-${runtime}`;
      const stdout = await runToEnd(
        binary.path,
        [...run(new URL(server.url).host), server.url, KEY, customerId],
        { cwd: dir.dir, env: env(dir.dir) },
      );
      const userAgent = agent(binary.version);
      expect(JSON.parse(stdout)).toEqual(expected(userAgent, customerId));
      expect(stored(customerId)?.traits).toEqual({ runtime: userAgent });
    });
});
