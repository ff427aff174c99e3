import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { defaultConfigPath, prepareUiEnv, readEnv } from './env.js';

describe('env', () => {
  test('config path follows XDG_CONFIG_HOME, else ~/.config', () => {
    expect(defaultConfigPath(readEnv({ XDG_CONFIG_HOME: '/x/conf', HOME: '/home/a' }))).toBe(
      join('/x/conf', 'amberkit', 'config.json'),
    );
    expect(defaultConfigPath(readEnv({ HOME: '/home/a' }))).toBe(
      join('/home/a', '.config', 'amberkit', 'config.json'),
    );
    // The XDG spec: a relative value is invalid and ignored.
    expect(defaultConfigPath(readEnv({ XDG_CONFIG_HOME: 'rel', HOME: '/home/a' }))).toBe(
      join('/home/a', '.config', 'amberkit', 'config.json'),
    );
  });

  test('AMBERKIT_READ_ONLY reads as a flag', () => {
    expect(readEnv({ AMBERKIT_READ_ONLY: '1' }).AMBERKIT_READ_ONLY).toBe(true);
    expect(readEnv({ AMBERKIT_READ_ONLY: 'true' }).AMBERKIT_READ_ONLY).toBe(true);
    expect(readEnv({ AMBERKIT_READ_ONLY: '0' }).AMBERKIT_READ_ONLY).toBe(false);
    expect(readEnv({}).AMBERKIT_READ_ONLY).toBe(false);
  });

  test('blank values count as unset', () => {
    expect(readEnv({ AMBERKIT_API_KEY: '  ', AMBERKIT_BASE_URL: '' })).toMatchObject({
      AMBERKIT_API_KEY: undefined,
      AMBERKIT_BASE_URL: undefined,
    });
  });

  test('NO_COLOR (any non-empty value) becomes FORCE_COLOR=0; NODE_ENV defaults to production', () => {
    const target: Record<string, string | undefined> = {};
    prepareUiEnv(readEnv({ NO_COLOR: '1' }), target);
    expect(target.FORCE_COLOR).toBe('0');
    const untouched: Record<string, string | undefined> = {};
    prepareUiEnv(readEnv({ NO_COLOR: '' }), untouched);
    expect(untouched.FORCE_COLOR).toBeUndefined();
    expect(untouched.NODE_ENV).toBe('production');
    const dev: Record<string, string | undefined> = { NODE_ENV: 'development' };
    prepareUiEnv(readEnv({}), dev);
    expect(dev.NODE_ENV).toBe('development');
  });
});
