import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { build } from 'tsdown';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import tsdownConfig from '../../tsdown.config.js';
import { createEmulator } from '../emulator/create-emulator.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
let out = '';
let cli = '';

beforeAll(async () => {
  // The CLI runs built, as a user runs it, from the package's own tsdown config. It is built
  // into a folder of its own (inside the package, so hono and zod resolve) with core bundled
  // from source: rebuilding dist/ here, or leaning on core's dist/, would race other tests and
  // helpers that rebuild those folders while this runs.
  await mkdir(join(root, '.tmp'), { recursive: true });
  out = await mkdtemp(join(root, '.tmp', 'cli-test-'));
  await build({
    ...tsdownConfig,
    config: false,
    cwd: root,
    outDir: out,
    dts: false,
    sourcemap: false,
    logLevel: 'error',
    deps: { alwaysBundle: [/^@amberkit\//] },
    inputOptions: { resolve: { conditionNames: ['@amberkit/source', 'import', 'default'] } },
  });
  cli = join(out, 'cli.js');
}, 120_000);

afterAll(async () => {
  if (out) await rm(out, { recursive: true, force: true });
});

type Started = {
  child: ChildProcess;
  url: string;
  lines: string[];
  stderr: () => string;
  exit: Promise<number | null>;
};

async function start(args: string[]): Promise<Started> {
  const child = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  const exit = once(child, 'exit').then(([code]) => code as number | null);
  const lines: string[] = [];
  const reader = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const first = await new Promise<string>((resolve, reject) => {
    reader.on('line', (line) => {
      lines.push(line);
      if (lines.length === 1) resolve(line);
    });
    exit.then((code) => reject(new Error(`exited ${code} before printing its URL: ${stderr}`)));
  });
  return { child, url: first, lines, stderr: () => stderr, exit };
}

async function run(
  args: string[],
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c) => (stdout += c));
  child.stderr.on('data', (c) => (stderr += c));
  const [code] = await once(child, 'exit');
  return { code: code as number | null, stdout, stderr };
}

describe('amberkit-emulator CLI', () => {
  test('prints its URL first, serves the accounts, and exits 0 on SIGINT', async () => {
    const s = await start([
      '--',
      '--port',
      '0',
      '--dataset',
      'demo',
      '--seed',
      '2',
      '--api-key',
      'k1',
      '--api-key',
      'k2',
    ]);
    try {
      expect(s.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const res = await fetch(`${s.url}/customers/customer-123456`, {
        headers: { 'x-api-key': 'k1' },
      });
      expect(res.status).toBe(200);
      expect(
        await (await fetch(`${s.url}/customers`, { headers: { 'x-api-key': 'k2' } })).json(),
      ).toEqual([]);
      expect(await (await fetch(`${s.url}/_emulator/health`)).json()).toEqual({
        status: 'ok',
        accounts: 2,
      });
    } finally {
      s.child.kill('SIGINT');
    }
    expect(await s.exit).toBe(0);
    expect(s.stderr()).toBe('');
    expect(s.lines.join('\n')).not.toContain('k1');
  });

  test('SIGTERM also closes cleanly, with a keep-alive client connected', async () => {
    const s = await start(['--port', '0']);
    expect(
      (await fetch(`${s.url}/customers`, { headers: { 'x-api-key': 'emulator-key' } })).status,
    ).toBe(200);
    s.child.kill('SIGTERM');
    expect(await s.exit).toBe(0);
  });

  test.each([
    [['--bogus'], /^amberkit-emulator: Unknown option '--bogus'/],
    [['--port', 'abc'], /--port must be an integer/],
    [['--port', '70000'], /--port must be between 0 and 65535/],
    [['--dataset', 'full'], /--dataset must be one of demo, empty/],
    [['--seed', '1.5'], /--seed must be an integer/],
    [['--seed=-1'], /--seed must be between 0 and 4294967295/],
    [['--seed', '-1'], /--seed: a value starting with "-" is written --seed=<value>/],
    [['--seed', '4294967296'], /--seed must be between 0 and 4294967295/],
    [['--api-key', ''], /--api-key must not be empty/],
    [
      ['--api-key', ' SECRETk1'],
      /--api-key must be printable ASCII with no spaces at either end$/m,
    ],
    [['--api-key', 'SECRETk1\t'], /--api-key must be printable ASCII/],
    [['--api-key', 'SECRETé'], /--api-key must be printable ASCII/],
    [['extra'], /Unexpected argument 'extra'/],
    [['--port'], /--port/],
  ])('%j is one line on stderr and exit 2', async (args, message) => {
    const { code, stdout, stderr } = await run(args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(message);
    expect(stderr).not.toContain('SECRET');
  });

  test('on every interface: a URL to connect to, and a warning that the admin API takes no key', async () => {
    const s = await start(['--port', '0', '--host', '0.0.0.0']);
    try {
      expect(s.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(await (await fetch(`${s.url}/_emulator/health`)).json()).toMatchObject({
        status: 'ok',
      });
      await expect
        .poll(s.stderr)
        .toMatch(/listening on every interface \(0\.0\.0\.0\): the admin API/);
    } finally {
      s.child.kill('SIGINT');
    }
    expect(await s.exit).toBe(0);
  });

  test('--help and --version answer and exit 0', async () => {
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    for (const flag of ['--port', '--host', '--dataset', '--seed', '--api-key', '--data-file'])
      expect(help.stdout).toContain(flag);
    const version = await run(['--', '--version']);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  test('a port in use is one clear line and exit 1', async () => {
    await using taken = await createEmulator().listen();
    const { code, stderr } = await run(['--port', String(taken.port)]);
    expect(code).toBe(1);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).toContain(`Port ${taken.port} on 127.0.0.1 is already in use`);
  });

  test('--data-file keeps data across a restart; a corrupt file is one line and exit 1', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'amberkit-cli-'));
    try {
      const file = join(dir, 'data.json');
      const first = await start(['--port', '0', '--data-file', file, '--api-key', 'k']);
      const created = await fetch(`${first.url}/customers`, {
        method: 'POST',
        headers: { 'x-api-key': 'k', 'content-type': 'application/json' },
        body: JSON.stringify({ customerId: 'persisted', customerName: 'P' }),
      });
      expect(created.status).toBe(200);
      first.child.kill('SIGINT');
      expect(await first.exit).toBe(0);

      const second = await start(['--port', '0', '--data-file', file, '--api-key', 'k']);
      try {
        expect(
          (await fetch(`${second.url}/customers/persisted`, { headers: { 'x-api-key': 'k' } }))
            .status,
        ).toBe(200);
      } finally {
        second.child.kill('SIGINT');
      }
      expect(await second.exit).toBe(0);

      await writeFile(file, '{not json');
      const { code, stderr } = await run(['--port', '0', '--data-file', file]);
      expect(code).toBe(1);
      expect(stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(stderr).toContain(file);
      expect(stderr).toContain('corrupt');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
