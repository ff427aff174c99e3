import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { API_KEY, emulatorEnv } from './test-support/emulator-env.js';
import { runCli } from './test-support/run-cli.js';
import { tempDir } from './test-support/temp-dir.js';

let ctx: Awaited<ReturnType<typeof emulatorEnv>>;
beforeAll(async () => {
  ctx = await emulatorEnv();
});
afterAll(async () => {
  await ctx?.[Symbol.asyncDispose]();
});

describe('amberkit login / profiles (as a process)', () => {
  test('login saves a 0600 profile; profiles list never shows keys; the profile connects', async () => {
    await using home = await tempDir();
    const env = { XDG_CONFIG_HOME: home.path };
    const cli = (args: string[]) => runCli(args, { env });
    const saved = await cli([
      'login',
      '--profile',
      'emu',
      '--base-url',
      ctx.server.url,
      '--api-key',
      API_KEY,
    ]);
    expect(saved.code).toBe(0);
    expect(saved.stdout).toMatch(/Saved profile 'emu' \(default\): local http:\/\/127\.0\.0\.1/);
    expect(saved.stdout + saved.stderr).not.toContain(API_KEY);
    const file = join(home.path, 'amberkit', 'config.json');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await stat(join(home.path, 'amberkit'))).mode & 0o777).toBe(0o700);
    expect(JSON.parse(await readFile(file, 'utf8')).profiles.emu.apiKey).toBe(API_KEY);

    const live = await cli([
      'login',
      '--profile',
      'prod',
      '--base-url',
      'https://app.amberflo.io',
      '--api-key',
      'live-secret-123',
      '--read-only',
    ]);
    expect(live.code).toBe(0);

    const listed = await cli(['profiles', 'list', '--json']);
    expect(JSON.parse(listed.stdout)).toEqual([
      { name: 'emu', baseUrl: ctx.server.url, kind: 'local', default: true, readOnly: false },
      {
        name: 'prod',
        baseUrl: 'https://app.amberflo.io',
        kind: 'live',
        default: false,
        readOnly: true,
      },
    ]);
    const table = await cli(['profiles', 'list']);
    expect(table.stdout).toMatch(/^\*\s+emu\s+local\s+read-write/m);
    expect(table.stdout).toMatch(/^\s+prod\s+LIVE\s+read-only\s+https:\/\/app\.amberflo\.io$/m);
    for (const out of [listed.stdout, table.stdout]) {
      expect(out).not.toContain(API_KEY);
      expect(out).not.toContain('live-secret-123');
    }

    // No flags, no env: the default profile is used.
    const customers = await cli(['customers', 'list', '--json']);
    expect(customers.code).toBe(0);
    expect(JSON.parse(customers.stdout).length).toBe(ctx.emulator.snapshot().customers.length);

    const used = await cli(['profiles', 'use', 'prod']);
    expect(used.code).toBe(0);
    expect(JSON.parse((await cli(['profiles', 'list', '--json'])).stdout)[1].default).toBe(true);
    const removed = await cli(['profiles', 'remove', 'prod']);
    expect(removed.stdout).toContain('There is no default profile now.');
    const unknown = await cli(['profiles', 'use', 'prod']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown profile 'prod' (known: emu)");
  });

  test('flags beat env, env beats the profile', async () => {
    await using home = await tempDir();
    const env = { XDG_CONFIG_HOME: home.path };
    await runCli(['login', '--base-url', ctx.server.url, '--api-key', 'profile-key-bad'], { env });
    const viaProfile = await runCli(['customers', 'list'], { env });
    expect(viaProfile.code).toBe(1);
    expect(viaProfile.stderr).not.toContain('profile-key-bad');
    const viaEnv = await runCli(['customers', 'list'], {
      env: { ...env, AMBERKIT_API_KEY: API_KEY },
    });
    expect(viaEnv.code).toBe(0);
    const viaFlag = await runCli(['customers', 'list', '--api-key', API_KEY], {
      env: { ...env, AMBERKIT_API_KEY: 'env-key-bad' },
    });
    expect(viaFlag.code).toBe(0);
  });

  test('login without a terminal needs its values as flags (exit 2)', async () => {
    await using home = await tempDir();
    const result = await runCli(['login', '--base-url', 'http://127.0.0.1:1'], {
      env: { XDG_CONFIG_HOME: home.path },
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      '--base-url and --api-key are required when stdin is not a terminal',
    );
    const badUrl = await runCli(['login', '--base-url', 'nope', '--api-key', 'k-123456'], {
      env: { XDG_CONFIG_HOME: home.path },
    });
    expect(badUrl.code).toBe(2);
    expect(badUrl.stderr).toContain('baseUrl (--base-url)');
    expect(badUrl.stderr).not.toContain('k-123456');
  });
});
