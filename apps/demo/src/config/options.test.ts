import { describe, expect, test } from 'vitest';
import { readDemoEnv } from './env.js';
import { resolveOptions } from './options.js';
import { parseDemoArgs } from './parse-args.js';
import { UsageError } from './usage-error.js';

const resolve = (argv: string[], env: Record<string, string> = {}) => {
  const flags = parseDemoArgs(argv);
  if (flags.kind !== 'run') throw new Error(`not a run: ${flags.kind}`);
  return resolveOptions(flags, readDemoEnv(env));
};

describe('demo options', () => {
  test('no ports given: free ports (undefined), emulator upstream, TUI on', () => {
    expect(resolve([])).toEqual({
      emulatorPort: undefined,
      proxyPort: undefined,
      upstream: undefined,
      noTui: false,
    });
  });

  test('a leading -- from pnpm is ignored; --help and --version', () => {
    expect(resolve(['--', '--proxy-port', '8080']).proxyPort).toEqual({
      port: 8080,
      source: '--proxy-port',
    });
    expect(parseDemoArgs(['--', '--help'])).toEqual({ kind: 'help' });
    expect(parseDemoArgs(['-v'])).toEqual({ kind: 'version' });
  });

  test('flags win over env; the proxy port falls back to AMBERKIT_PROXY_PORT, then PORT', () => {
    const env = { AMBERKIT_EMULATOR_PORT: '4010', AMBERKIT_PROXY_PORT: '8081', PORT: '8082' };
    expect(resolve(['--emulator-port', '4011'], env).emulatorPort).toEqual({
      port: 4011,
      source: '--emulator-port',
    });
    expect(resolve([], env)).toMatchObject({
      emulatorPort: { port: 4010, source: 'AMBERKIT_EMULATOR_PORT' },
      proxyPort: { port: 8081, source: 'AMBERKIT_PROXY_PORT' },
    });
    expect(resolve([], { PORT: '8082', AMBERKIT_PROXY_PORT: ' ' }).proxyPort).toEqual({
      port: 8082,
      source: 'PORT',
    });
  });

  test.each([
    [['--emulator-port', 'abc'], {}, '--emulator-port must be a port number 0–65535, got "abc"'],
    [['--proxy-port', '70000'], {}, '--proxy-port must be a port number 0–65535, got "70000"'],
    [[], { PORT: '-1' }, 'PORT must be a port number 0–65535, got "-1"'],
    [
      ['--emulator-port', '4010', '--proxy-port', '4010'],
      {},
      '--emulator-port and --proxy-port are both 4010',
    ],
    [
      ['--upstream', 'ftp://x'],
      { AMBERFLO_API_KEY: 'k' },
      '--upstream must be an http:// or https:// URL',
    ],
    [['--upstream', 'http://127.0.0.1:4010'], {}, '--upstream needs AMBERFLO_API_KEY'],
    [
      ['--upstream', 'http://127.0.0.1:4010', '--emulator-port', '1'],
      { AMBERFLO_API_KEY: 'k' },
      'no emulator runs',
    ],
    [['--nope'], {}, "Unknown option '--nope' (see --help)"],
    [
      ['--proxy-port', '-1'],
      {},
      '--proxy-port: a value starting with "-" is written --proxy-port=<value>',
    ],
    [['extra'], {}, 'see --help'],
  ])('%j with %j is a usage error naming the setting', (argv, env, message) => {
    expect(() => resolve(argv, env)).toThrow(UsageError);
    expect(() => resolve(argv, env)).toThrow(message);
  });

  test('--upstream takes the key from AMBERFLO_API_KEY and drops a trailing slash', () => {
    expect(
      resolve(['--upstream', 'https://example.invalid/'], { AMBERFLO_API_KEY: 'secret' }).upstream,
    ).toEqual({
      url: 'https://example.invalid',
      apiKey: 'secret',
    });
  });
});
