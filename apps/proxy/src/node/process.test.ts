import { spawn } from 'node:child_process';
import { mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEmulator } from '@amberkit/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { builtCli, spawnCli as spawnBuilt } from '../test/built-cli.js';
import { makeKeys } from '../test/harness.js';
import { until } from '../test/poll.js';
import { testRedis } from '../test/redis.js';
import { findSecrets } from '../test/secret-scan.js';

const AMBERFLO_KEY = 'process-test-amberflo-key-77';

let cli: ReturnType<typeof builtCli> | undefined;
beforeAll(() => {
  cli = builtCli();
}, 180_000);
afterAll(() => cli?.[Symbol.dispose]());
const spawnCli = (args: string[], env: Record<string, string>) => spawnBuilt(cli!.path, args, env);

function writeKeys(file: string, entries: unknown[]): void {
  // Write then rename, as an operator's deploy would: readers never see half a file.
  writeFileSync(`${file}.tmp`, JSON.stringify(entries));
  renameSync(`${file}.tmp`, file);
}

describe('amberkit-proxy as a real process (dist/cli.js)', () => {
  test('bad flags exit 2 and bad configuration exits 1, each with one line', async () => {
    for (const [args, env, code, line] of [
      [['--frobnicate'], {}, 2, 'amberkit-proxy: unknown option --frobnicate (see --help)'],
      [
        ['--', 'serve', '--port', 'x'],
        { AMBERFLO_API_KEY: 'k', AMBERKIT_KEYS: '[]' },
        2,
        'amberkit-proxy: invalid --port: must be a whole number (got "x")',
      ],
      [
        ['serve', '--port', '-1'],
        {},
        2,
        'amberkit-proxy: option --port: a value starting with "-" is written --port=<value>',
      ],
      [['serve', '--port'], {}, 2, 'amberkit-proxy: option --port needs a value'],
      [
        [],
        {},
        1,
        'amberkit-proxy: AMBERFLO_API_KEY is required: the Amberflo key the proxy sends upstream',
      ],
      [
        [],
        { AMBERFLO_API_KEY: 'k', AMBERKIT_KEYS: '[]', AMBERKIT_CACHE: 'sometimes' },
        1,
        'amberkit-proxy: invalid AMBERKIT_CACHE: must be memory, redis or off (got "sometimes")',
      ],
      [
        ['--port', '0'],
        {
          AMBERFLO_API_KEY: 'k',
          AMBERKIT_KEYS: '[]',
          AMBERKIT_CACHE: 'redis',
          REDIS_URL: 'redis://127.0.0.1:1',
        },
        1,
        'amberkit-proxy: REDIS_URL: cannot connect to Redis (connect ECONNREFUSED 127.0.0.1:1)',
      ],
    ] as const) {
      await using cli = spawnCli([...args], { ...env });
      expect(await cli.exited).toBe(code);
      expect(cli.stderr.filter(Boolean)).toEqual([line]);
    }
  });

  test('a port already in use is one line, exit 1', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as AddressInfo;
    try {
      await using cli = spawnCli(['--port', String(port)], {
        AMBERFLO_API_KEY: 'k',
        AMBERKIT_KEYS: '[]',
      });
      expect(await cli.exited).toBe(1);
      expect(cli.stderr.filter(Boolean)).toEqual([
        `amberkit-proxy: cannot listen on 127.0.0.1:${port} (EADDRINUSE)`,
      ]);
    } finally {
      blocker.close();
    }
  });

  test('SIGHUP re-reads the keys file without dropping requests', async () => {
    const emulator = createEmulator({ accounts: [AMBERFLO_KEY] });
    await using upstream = await emulator.listen();
    const { plain, entries } = await makeKeys({ a: { scopes: ['*'] }, b: { scopes: ['*'] } });
    const file = join(mkdtempSync(join(tmpdir(), 'amberkit-keys-')), 'keys.json');
    writeKeys(file, [entries[0]]);
    await using cli = spawnCli(['--port', '0'], {
      AMBERFLO_API_KEY: AMBERFLO_KEY,
      AMBERFLO_BASE_URL: upstream.url,
      AMBERKIT_KEYS_FILE: file,
    });
    const url = await cli.url();
    const as = (key: string) =>
      fetch(`${url}/customers/customer-123456`, { headers: { 'x-api-key': key } }).then(
        (r) => r.status,
      );
    expect(await as(plain.a)).toBe(200);
    expect(await as(plain.b)).toBe(401);

    // Requests keep flowing with key a while the file changes and the process reloads.
    let flowing = true;
    const statuses: number[] = [];
    const traffic = (async () => {
      while (flowing) statuses.push(await as(plain.a).catch(() => -1));
    })();
    writeKeys(file, entries);
    cli.child.kill('SIGHUP');
    await until(
      async () => ((await as(plain.b)) === 200 ? true : undefined),
      'key b to be accepted',
    );
    flowing = false;
    await traffic;
    expect(statuses.length).toBeGreaterThan(0);
    expect(new Set(statuses)).toEqual(new Set([200]));
    expect(
      cli.stdout.some((l) => l.includes('"msg":"keys reloaded"') && l.includes('"keys":2')),
    ).toBe(true);

    // A broken file keeps the keys in place; removing a key takes effect on the next reload.
    writeFileSync(file, '[{"name": "oops"');
    cli.child.kill('SIGHUP');
    await until(
      () => (cli.stdout.some((l) => l.includes('keys reload failed')) ? true : undefined),
      'the reload error',
    );
    expect(await as(plain.b)).toBe(200);
    writeKeys(file, [entries[1]]);
    cli.child.kill('SIGHUP');
    await until(
      async () => ((await as(plain.a)) === 401 ? true : undefined),
      'key a to be refused',
    );
    expect(await as(plain.b)).toBe(200);
    await emulator.close();
  });

  test('two entries with one hash: exit 1 at start, refused on SIGHUP; no keys at all: a warning', async () => {
    const { plain, entries } = await makeKeys({ a: { scopes: ['customers:read'] } });
    const [a] = entries as [(typeof entries)[0]];
    const twin = { ...a, name: 'a-admin', scopes: ['*'] };
    {
      await using cli = spawnCli(['--port', '0'], {
        AMBERFLO_API_KEY: 'k',
        AMBERKIT_KEYS: JSON.stringify([a, twin]),
      });
      expect(await cli.exited).toBe(1);
      expect(cli.stderr.filter(Boolean)).toEqual([
        'amberkit-proxy: AMBERKIT_KEYS: entries [0] "a" and [1] "a-admin" have the same hash (one key, two entries); keep one entry per key',
      ]);
    }
    const emulator = createEmulator({ accounts: [AMBERFLO_KEY] });
    await using upstream = await emulator.listen();
    const file = join(mkdtempSync(join(tmpdir(), 'amberkit-keys-')), 'keys.json');
    writeKeys(file, []);
    await using cli = spawnCli(['--port', '0'], {
      AMBERFLO_API_KEY: AMBERFLO_KEY,
      AMBERFLO_BASE_URL: upstream.url,
      AMBERKIT_KEYS_FILE: file,
    });
    const url = await cli.url();
    const warnings = () =>
      cli.stdout.filter((l) => l.includes('"msg":"no caller keys: every request will get 401"'));
    expect(warnings()).toHaveLength(1);
    expect(JSON.parse(warnings()[0]!).level).toBe('warn');
    // A failed request says what the process was doing: it once failed with ECONNRESET here
    // under a loaded CI run, not reproduced since (see the issue note).
    const as = (key: string) =>
      fetch(`${url}/customers/customer-123456`, { headers: { 'x-api-key': key } }).then(
        (r) => r.status,
        (error: Error) => {
          const { exitCode, signalCode } = cli.child;
          throw new Error(
            `${error.message} (${String(error.cause)}); proxy exit ${exitCode} signal ${signalCode}\nstdout: ${cli.stdout.slice(-5).join('\n')}\nstderr: ${cli.stderr.join(' ')}`,
            { cause: error },
          );
        },
      );
    writeKeys(file, [a]);
    cli.child.kill('SIGHUP');
    await until(async () => ((await as(plain.a)) === 200 ? true : undefined), 'key a');
    // The twin would widen key a to every scope: the reload is refused and a keeps its scope.
    writeKeys(file, [a, twin]);
    cli.child.kill('SIGHUP');
    const failed = await until(
      () => cli.stdout.find((l) => l.includes('keys reload failed')),
      'the reload error',
    );
    expect(JSON.parse(failed)).toMatchObject({
      level: 'error',
      error: expect.stringContaining('entries [0] "a" and [1] "a-admin" have the same hash'),
    });
    expect(failed).not.toContain(a.hash.slice(7));
    expect(await as(plain.a)).toBe(200);
    const write = await fetch(`${url}/customers/customer-123456`, {
      method: 'DELETE',
      headers: { 'x-api-key': plain.a },
    });
    expect(write.status).toBe(403);
    writeKeys(file, []);
    cli.child.kill('SIGHUP');
    await until(() => (warnings().length === 2 ? true : undefined), 'the second warning');
    expect(await as(plain.a)).toBe(401);
    await emulator.close();
  });

  test('SIGTERM drains: the request in flight finishes, Redis closes, exit 0, and no secret is printed', async () => {
    const emulator = createEmulator({ accounts: [AMBERFLO_KEY] });
    await using upstream = await emulator.listen();
    await using redis = await testRedis();
    const { plain, entries } = await makeKeys({ team: { scopes: ['*'] } });
    await using cli = spawnCli(
      ['serve', '--port', '0', '--upstream', upstream.url, '--cache', 'redis'],
      {
        AMBERFLO_API_KEY: AMBERFLO_KEY,
        AMBERKIT_KEYS: JSON.stringify(entries),
        REDIS_URL: 'redis://127.0.0.1:6379',
        AMBERKIT_REDIS_PREFIX: redis.prefix,
      },
    );
    const url = await cli.url();
    const headers = { authorization: `Bearer ${plain.team}` };
    expect((await fetch(`${url}/customers`, { headers })).status).toBe(200);
    expect(
      (await fetch(`${url}/customers`, { headers: { 'x-api-key': 'ak_wrongwrongwrongwrong' } }))
        .status,
    ).toBe(401);
    emulator.setFaults([{ method: 'GET', path: '/customers/customer-123456', latencyMs: 500 }]);
    const inFlight = fetch(`${url}/customers/customer-123456`, { headers });
    await until(
      () =>
        emulator.requests().some((r) => r.path === '/customers/customer-123456') ? true : undefined,
      'the slow request to reach upstream',
    );
    cli.child.kill('SIGTERM');
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ customerId: 'customer-123456' });
    expect(await cli.exited).toBe(0);
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
    const messages = cli.stdout.filter(Boolean).map((l) => JSON.parse(l).msg);
    expect(messages).toEqual(
      expect.arrayContaining(['listening', 'draining', 'redis closed', 'stopped']),
    );
    // In that order: Redis is closed after the request in flight has finished, then the exit.
    expect(messages.indexOf('redis closed')).toBeGreaterThan(messages.indexOf('draining'));
    expect(messages.indexOf('stopped')).toBeGreaterThan(messages.indexOf('redis closed'));
    const served = cli.stdout.findLastIndex((l) => l.includes('"route":"getCustomerById"'));
    expect(served).toBeGreaterThan(cli.stdout.findIndex((l) => l.includes('"msg":"draining"')));
    expect(served).toBeLessThan(cli.stdout.findIndex((l) => l.includes('"msg":"redis closed"')));
    // The cache entry went to this test's Redis prefix.
    expect((await redis.keys()).some((k) => k.includes(':c:'))).toBe(true);

    const output = [...cli.stdout, ...cli.stderr].join('\n');
    expect(cli.stdout.filter((l) => l.includes('"msg":"request"')).length).toBeGreaterThanOrEqual(
      3,
    );
    const secrets = { amberflo: AMBERFLO_KEY, caller: plain.team };
    expect(findSecrets(output, secrets)).toEqual([]);
    // Control: the same scan catches a key planted in a captured log line.
    expect(findSecrets(`${output}\n{"msg":"planted","key":"${plain.team}"}`, secrets)).toEqual([
      'caller',
    ]);
    await emulator.close();
  });

  test('the drain is bounded: new connections are refused at once, a hung request is cut at AMBERKIT_DRAIN_TIMEOUT_MS, exit 0', async () => {
    const emulator = createEmulator({ accounts: [AMBERFLO_KEY] });
    await using upstream = await emulator.listen();
    const { plain, entries } = await makeKeys({ team: { scopes: ['*'] } });
    await using cli = spawnCli(['serve', '--port', '0', '--upstream', upstream.url], {
      AMBERFLO_API_KEY: AMBERFLO_KEY,
      AMBERKIT_KEYS: JSON.stringify(entries),
      AMBERKIT_DRAIN_TIMEOUT_MS: '1500',
      AMBERKIT_UPSTREAM_TIMEOUT_MS: '60000',
    });
    const url = await cli.url();
    emulator.setFaults([{ path: '/customers/hung', hang: true }]);
    const hung = fetch(`${url}/customers/hung`, {
      headers: { authorization: `Bearer ${plain.team}` },
    }).then(
      (r) => r.status,
      () => 'cut' as const,
    );
    await until(
      () => (emulator.requests().some((r) => r.path === '/customers/hung') ? true : undefined),
      'the hung request to reach upstream',
    );
    const signalled = performance.now();
    cli.child.kill('SIGTERM');
    await until(
      () => (cli.stdout.some((l) => l.includes('"msg":"draining"')) ? true : undefined),
      'the drain to start',
    );
    // Draining, not gone: the process still runs, but takes no new connection.
    expect(cli.child.exitCode).toBeNull();
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
    expect(await cli.exited).toBe(0);
    const took = performance.now() - signalled;
    expect(await hung).toBe('cut');
    // Not a speed target: it waited for the request about as long as told, and no longer.
    expect(took).toBeGreaterThanOrEqual(1_400);
    expect(took).toBeLessThan(10_000);
    expect(cli.stdout.some((l) => l.includes('drain timeout reached'))).toBe(true);
    expect(cli.stdout.some((l) => l.includes('"msg":"stopped"'))).toBe(true);
    await emulator.close();
  });

  test('SIGTERM with Redis gone: the drain still ends, says so, and exits 0', async () => {
    // A Redis of its own, to stop under the proxy.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const redis = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: 'ignore' },
    );
    const redisGone = new Promise((resolve) => redis.once('exit', resolve));
    try {
      const { entries } = await makeKeys({ team: { scopes: ['*'] } });
      const started = await until(async () => {
        const cli = spawnCli(['serve', '--port', '0', '--cache', 'redis'], {
          AMBERFLO_API_KEY: AMBERFLO_KEY,
          AMBERKIT_KEYS: JSON.stringify(entries),
          REDIS_URL: `redis://127.0.0.1:${port}`,
        });
        // Redis may take a moment to listen: a start that cannot connect exits 1; try again.
        const outcome = await Promise.race([cli.url(), cli.exited.then(() => undefined)]);
        return outcome === undefined ? undefined : cli;
      }, 'the proxy to start against its own Redis');
      await using cli = started;
      redis.kill('SIGKILL');
      await redisGone;
      await until(
        () => (cli.stdout.some((l) => l.includes('redis connection error')) ? true : undefined),
        'the proxy to notice Redis is gone',
      );
      cli.child.kill('SIGTERM');
      expect(await cli.exited).toBe(0);
      const messages = cli.stdout.filter(Boolean).map((l) => JSON.parse(l).msg);
      expect(messages).toEqual(
        expect.arrayContaining([
          'draining',
          'redis was not connected at shutdown; connection dropped',
          'stopped',
        ]),
      );
    } finally {
      redis.kill('SIGKILL');
    }
  });
});
