import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { tempDir } from '../commands/test-support/temp-dir.js';
import { DEFAULT_BASE_URL, resolveConnection } from './connection.js';
import { ConfigError } from './errors.js';
import { writeConfigFile } from './file.js';

const config = {
  defaultProfile: 'local',
  profiles: {
    local: { baseUrl: 'http://127.0.0.1:4010', apiKey: 'local-key' },
    prod: { baseUrl: 'https://app.amberflo.io', apiKey: 'prod-key', readOnly: true },
  },
};

/** A temp XDG_CONFIG_HOME holding `contents` (a config object, or raw text). */
async function xdgHome(contents?: unknown) {
  const dir = await tempDir();
  if (contents !== undefined) {
    const path = join(dir.path, 'amberkit', 'config.json');
    if (typeof contents === 'string') {
      await writeConfigFile(path, { profiles: {} });
      await writeFile(path, contents);
    } else {
      await writeConfigFile(path, contents as typeof config);
    }
  }
  return dir;
}

describe('resolveConnection', () => {
  test('the default profile from $XDG_CONFIG_HOME/amberkit/config.json', async () => {
    await using dir = await xdgHome(config);
    const connection = await resolveConnection({ flags: {}, env: { XDG_CONFIG_HOME: dir.path } });
    expect(connection).toEqual({
      baseUrl: 'http://127.0.0.1:4010',
      apiKey: 'local-key',
      profile: 'local',
      readOnly: false,
    });
  });

  test('falls back to ~/.config when XDG_CONFIG_HOME is unset', async () => {
    await using home = await tempDir();
    await writeConfigFile(join(home.path, '.config', 'amberkit', 'config.json'), config);
    const connection = await resolveConnection({ flags: {}, env: { HOME: home.path } });
    expect(connection.profile).toBe('local');
  });

  test('a named profile (flag or AMBERKIT_PROFILE) beats the default; its readOnly applies', async () => {
    await using dir = await xdgHome(config);
    const env = { XDG_CONFIG_HOME: dir.path };
    const byFlag = await resolveConnection({ flags: { profile: 'prod' }, env });
    expect(byFlag).toEqual({
      baseUrl: 'https://app.amberflo.io',
      apiKey: 'prod-key',
      profile: 'prod',
      readOnly: true,
    });
    const byEnv = await resolveConnection({ flags: {}, env: { ...env, AMBERKIT_PROFILE: 'prod' } });
    expect(byEnv.profile).toBe('prod');
    const flagWins = await resolveConnection({
      flags: { profile: 'local' },
      env: { ...env, AMBERKIT_PROFILE: 'prod' },
    });
    expect(flagWins.apiKey).toBe('local-key');
  });

  test('precedence per field: flags > env > profile', async () => {
    await using dir = await xdgHome(config);
    const env = {
      XDG_CONFIG_HOME: dir.path,
      AMBERKIT_BASE_URL: 'http://127.0.0.1:5000',
      AMBERKIT_API_KEY: 'env-key',
    };
    const fromEnv = await resolveConnection({ flags: {}, env });
    expect(fromEnv).toMatchObject({ baseUrl: 'http://127.0.0.1:5000', apiKey: 'env-key' });
    expect(fromEnv.profile).toBeNull();

    const flagOverEnv = await resolveConnection({
      flags: { baseUrl: 'http://127.0.0.1:6000/', apiKey: 'flag-key' },
      env,
    });
    expect(flagOverEnv).toMatchObject({ baseUrl: 'http://127.0.0.1:6000', apiKey: 'flag-key' });

    const mixed = await resolveConnection({
      flags: { apiKey: 'flag-key' },
      env: { XDG_CONFIG_HOME: dir.path },
    });
    expect(mixed).toMatchObject({
      baseUrl: 'http://127.0.0.1:4010',
      apiKey: 'flag-key',
      profile: 'local',
    });

    const namedButOverridden = await resolveConnection({ flags: { profile: 'prod' }, env });
    expect(namedButOverridden).toMatchObject({
      apiKey: 'env-key',
      profile: 'prod',
      readOnly: true,
    });
  });

  test('read-only from the flag or AMBERKIT_READ_ONLY', async () => {
    const flags = { baseUrl: 'http://127.0.0.1:1', apiKey: 'k-1234' };
    expect(
      (await resolveConnection({ flags: { ...flags, readOnly: true }, env: {} })).readOnly,
    ).toBe(true);
    expect((await resolveConnection({ flags, env: { AMBERKIT_READ_ONLY: '1' } })).readOnly).toBe(
      true,
    );
    expect((await resolveConnection({ flags, env: {} })).readOnly).toBe(false);
  });

  test('a key without a base URL means Amberflo itself', async () => {
    await using dir = await xdgHome();
    const connection = await resolveConnection({
      flags: { apiKey: 'k-1234' },
      env: { XDG_CONFIG_HOME: dir.path },
    });
    expect(connection.baseUrl).toBe(DEFAULT_BASE_URL);
  });

  test('nothing configured: one line saying how to connect', async () => {
    await using dir = await xdgHome();
    const error = await resolveConnection({ flags: {}, env: { XDG_CONFIG_HOME: dir.path } }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(/--api-key.*AMBERKIT_API_KEY.*amberkit login/);
  });

  test('an unknown profile lists the known ones', async () => {
    await using dir = await xdgHome(config);
    await expect(
      resolveConnection({ flags: { profile: 'staging' }, env: { XDG_CONFIG_HOME: dir.path } }),
    ).rejects.toThrow(/unknown profile 'staging' \(known: local, prod\)/);
  });

  test('a corrupt file is reported by path, but never blocks explicit flags', async () => {
    await using dir = await xdgHome('{ not json');
    const env = { XDG_CONFIG_HOME: dir.path };
    const path = join(dir.path, 'amberkit', 'config.json');
    await expect(resolveConnection({ flags: {}, env })).rejects.toThrow(path);
    const explicit = await resolveConnection({
      flags: { baseUrl: 'http://127.0.0.1:1', apiKey: 'k-1234' },
      env,
    });
    expect(explicit.apiKey).toBe('k-1234');
  });

  test('an invalid base URL is rejected without echoing the key', async () => {
    const error = await resolveConnection({
      flags: { baseUrl: 'not a url', apiKey: 'very-secret-key' },
      env: {},
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toContain("invalid base URL 'not a url'");
    expect((error as Error).message).not.toContain('very-secret-key');
  });

  test('the timeout: --timeout beats AMBERKIT_TIMEOUT; none given leaves core its default', async () => {
    const flags = { baseUrl: 'http://127.0.0.1:1', apiKey: 'k-1234' };
    const none = await resolveConnection({ flags, env: {} });
    expect(none).not.toHaveProperty('timeoutMs');
    const fromEnv = await resolveConnection({ flags, env: { AMBERKIT_TIMEOUT: '2.5' } });
    expect(fromEnv.timeoutMs).toBe(2_500);
    const fromFlag = await resolveConnection({
      flags: { ...flags, timeout: '300ms' },
      env: { AMBERKIT_TIMEOUT: 'not a time' },
    });
    expect(fromFlag.timeoutMs).toBe(300);
  });

  test('a bad timeout is one line naming its source, even with every other value given', async () => {
    const flags = { baseUrl: 'http://127.0.0.1:1', apiKey: 'k-1234' };
    await expect(resolveConnection({ flags, env: { AMBERKIT_TIMEOUT: 'soon' } })).rejects.toThrow(
      /^AMBERKIT_TIMEOUT: 'soon' is not a timeout/,
    );
    await expect(resolveConnection({ flags: { ...flags, timeout: '0' }, env: {} })).rejects.toThrow(
      '--timeout: the timeout must be more than 0',
    );
  });
});
