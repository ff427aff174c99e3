import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEmulator } from '@amberkit/testing';
import { beforeAll, describe, expect, test } from 'vitest';
import { assertCoreBuilt } from '../../../dist-freshness.js';
import { hashKey } from './keys/hash-key.js';
import { ensureBuilt } from './test/built-cli.js';
import {
  documentedServerModule,
  packageRoot,
  runtimeBinary,
  spawnServer,
} from './test/runtimes.js';

const AMBERFLO_KEY = 'runtime-amberflo-key';
const READER = 'ak_runtimeReader000000000000000000';

// The servers import `@amberkit/proxy/worker` as a user's would: the package's dist, and it
// imports `@amberkit/core` from core's dist, which must not be older than core's sources.
beforeAll(() => {
  assertCoreBuilt();
  ensureBuilt();
});

/**
 * A scratch folder inside the package (so `@amberkit/proxy` resolves to it, and its
 * dependencies through its node_modules) holding docs/proxy.md's `server.ts`.
 */
function scratch(runtime: 'Bun' | 'Deno') {
  mkdirSync(join(packageRoot, '.tmp'), { recursive: true });
  const dir = mkdtempSync(join(packageRoot, '.tmp', `${runtime.toLowerCase()}-`));
  writeFileSync(join(dir, 'server.ts'), documentedServerModule(runtime));
  return { dir, [Symbol.dispose]: () => rmSync(dir, { recursive: true, force: true }) };
}

async function settings() {
  const emulator = createEmulator({ accounts: [AMBERFLO_KEY] });
  const upstream = await emulator.listen();
  const env = {
    AMBERFLO_API_KEY: AMBERFLO_KEY,
    AMBERFLO_BASE_URL: upstream.url,
    AMBERKIT_KEYS: JSON.stringify([
      { name: 'reader', hash: await hashKey(READER), scopes: ['customers:read'] },
    ]),
  };
  return { emulator, upstream, env };
}

/** What each runtime must answer, end to end through the emulator. */
async function exercise(
  url: string,
  emulator: ReturnType<typeof createEmulator>,
  upstream: string,
) {
  const health = await fetch(new URL('/healthz', url));
  expect(health.status).toBe(200);
  expect(await health.json()).toEqual({
    status: 'ok',
    upstream: { origin: new URL(upstream).origin, kind: 'emulator' },
  });

  const path = '/customers/customer-123456';
  const auth = { headers: { authorization: `Bearer ${READER}` } };
  const miss = await fetch(new URL(path, url), auth);
  expect(miss.status).toBe(200);
  expect(miss.headers.get('x-cache')).toBe('MISS');
  expect(await miss.json()).toMatchObject({ customerName: 'Acme Corp' });
  const hit = await fetch(new URL(path, url), auth);
  expect(hit.headers.get('x-cache')).toBe('HIT');
  expect(await hit.json()).toMatchObject({ customerName: 'Acme Corp' });
  expect(emulator.requests().filter((r) => r.path === path)).toHaveLength(1);

  const denied = await fetch(new URL('/customers', url));
  expect(denied.status).toBe(401);
  expect(await denied.json()).toMatchObject({ code: 'UNAUTHORIZED' });
}

describe('the Workers module on Bun (Bun.serve on 127.0.0.1:0)', () => {
  test('serves docs/proxy.md server.ts with settings from the process environment', async () => {
    const bun = runtimeBinary('bun');
    const version = execFileSync(bun, ['--version'], { encoding: 'utf8' }).trim();
    using dir = scratch('Bun');
    // `bun run server.ts` serves the default export itself (on PORT, all interfaces); the
    // same Bun.serve call here binds loopback and a free port, and prints where.
    writeFileSync(
      join(dir.dir, 'serve.ts'),
      [
        "import server from './server.ts';",
        "const bound = Bun.serve({ ...server, hostname: '127.0.0.1', port: 0 });",
        "console.log('bun ' + Bun.version + ' listening on ' + bound.url.href);",
        '',
      ].join('\n'),
    );
    const { emulator, upstream, env } = await settings();
    await using _upstream = upstream;
    await using server = await spawnServer(bun, ['run', 'serve.ts'], {
      cwd: dir.dir,
      env: { ...env, HOME: dir.dir, BUN_RUNTIME_TRANSPILER_CACHE_PATH: '0' },
    });
    expect(server.output()).toContain(`bun ${version} listening on`);
    await exercise(server.url, emulator, upstream.url);
    // The module logged through the proxy's logger, without a secret.
    expect(server.output()).toContain('"caller":"reader"');
    for (const secret of [AMBERFLO_KEY, READER]) expect(server.output()).not.toContain(secret);
  });
});

describe('the Workers module on Deno (deno serve on 127.0.0.1:0)', () => {
  test('serves docs/proxy.md server.ts (npm: specifier) with --allow-net --allow-env', async () => {
    const deno = runtimeBinary('deno');
    using dir = scratch('Deno');
    const { emulator, upstream, env } = await settings();
    await using _upstream = upstream;
    // docs/proxy.md's command, on loopback and a free port. The npm: specifier resolves
    // through the package's node_modules (no registry): Deno finds the package.json above.
    await using server = await spawnServer(
      deno,
      ['serve', '--host', '127.0.0.1', '--port', '0', '--allow-net', '--allow-env', 'server.ts'],
      {
        cwd: dir.dir,
        env: { ...env, DENO_DIR: join(dir.dir, '.deno'), DENO_NO_UPDATE_CHECK: '1' },
      },
    );
    expect(server.output()).toContain('deno serve: Listening on http://127.0.0.1:');
    await exercise(server.url, emulator, upstream.url);
    expect(server.output()).toContain('"caller":"reader"');
    for (const secret of [AMBERFLO_KEY, READER]) expect(server.output()).not.toContain(secret);
  });
});
