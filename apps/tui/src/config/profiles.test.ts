import { describe, expect, test } from 'vitest';
import { endpointKind } from './endpoint-kind.js';
import { ConfigError } from './errors.js';
import { removeProfile, upsertProfile, useProfile } from './profiles.js';

const local = { baseUrl: 'http://127.0.0.1:4010', apiKey: 'k1' };
const live = { baseUrl: 'https://app.amberflo.io', apiKey: 'k2' };

describe('profiles', () => {
  test('the first profile becomes the default; later ones only with makeDefault', () => {
    let config = upsertProfile({ profiles: {} }, 'local', local);
    expect(config.defaultProfile).toBe('local');
    config = upsertProfile(config, 'live', live);
    expect(config.defaultProfile).toBe('local');
    config = upsertProfile(config, 'live', live, { makeDefault: true });
    expect(config.defaultProfile).toBe('live');
    expect(Object.keys(config.profiles)).toEqual(['local', 'live']);
  });

  test('use switches the default; an unknown name lists the known ones', () => {
    const config = upsertProfile(upsertProfile({ profiles: {} }, 'a', local), 'b', live);
    expect(useProfile(config, 'b').defaultProfile).toBe('b');
    expect(() => useProfile(config, 'c')).toThrow(ConfigError);
    expect(() => useProfile(config, 'c')).toThrow(/unknown profile 'c' \(known: a, b\)/);
  });

  test('removing the default leaves no default', () => {
    const config = upsertProfile(upsertProfile({ profiles: {} }, 'a', local), 'b', live);
    const next = removeProfile(config, 'a');
    expect(next.defaultProfile).toBeUndefined();
    expect(Object.keys(next.profiles)).toEqual(['b']);
    expect(removeProfile(config, 'b').defaultProfile).toBe('a');
    expect(() => removeProfile(config, 'zzz')).toThrow(ConfigError);
  });

  test('endpoint kind by URL only: loopback is local, the rest is LIVE', () => {
    for (const url of [
      'http://127.0.0.1:4010',
      'http://localhost:8787',
      'http://api.localhost',
      'http://[::1]:4010/',
    ]) {
      expect(endpointKind(url)).toBe('local');
    }
    for (const url of [
      'https://app.amberflo.io',
      'https://proxy.internal.example.com',
      'http://10.0.0.5',
    ]) {
      expect(endpointKind(url)).toBe('live');
    }
  });
});
