import {
  NotFoundError,
  RequestValidationError,
  ServerError,
  UnauthorizedError,
} from '@amberkit/core/client';
import { describe, expect, test } from 'vitest';
import { ConfigError } from '../config/index.js';
import { UsageError } from './errors.js';
import { describeError, exitCodeFor } from './exit-code.js';
import { API_KEY, emulatorEnv } from './test-support/emulator-env.js';
import { type CliResult, runCli } from './test-support/run-cli.js';

const init = { method: 'GET', path: '/customers/x' };

describe('exit codes', () => {
  test('usage, config and pre-send validation are 2; API failures are 1', () => {
    expect(exitCodeFor(new UsageError('x'))).toBe(2);
    expect(exitCodeFor(new ConfigError('x'))).toBe(2);
    const invalid = new RequestValidationError({
      ...init,
      message: 'bad',
      code: 'VALIDATION_FAILED',
    });
    expect(exitCodeFor(invalid)).toBe(2);
    expect(
      exitCodeFor(new NotFoundError({ ...init, message: 'nf', code: 'NOT_FOUND', status: 404 })),
    ).toBe(1);
    expect(
      exitCodeFor(new ServerError({ ...init, message: 'boom', code: 'INTERNAL', status: 500 })),
    ).toBe(1);
    expect(exitCodeFor(new Error('anything else'))).toBe(1);
  });

  test('an API error is one line with the message, code, status and request id', () => {
    const error = new NotFoundError({
      ...init,
      message: 'Customer not found',
      code: 'NOT_FOUND',
      status: 404,
      requestId: 'req-1',
    });
    expect(describeError(error, [])).toBe(
      'Customer not found (NOT_FOUND, HTTP 404, request req-1)',
    );
  });

  test('keys are redacted wherever they appear', () => {
    const error = new UnauthorizedError({
      ...init,
      message: 'key sk-live-123456 is not valid\nfor this account',
      code: 'UNAUTHORIZED',
      status: 401,
    });
    const line = describeError(error, ['sk-live-123456']);
    expect(line).toBe('key *** is not valid for this account (UNAUTHORIZED, HTTP 401)');
    expect(describeError(new Error('caller ak_0123456789abcdef was refused'), [])).toBe(
      'caller *** was refused',
    );
  });
});

describe('exit code 1 on a server or network failure (the built CLI against an emulator on 127.0.0.1)', () => {
  /** One line on stderr, naming amberkit, with no stack frame; nothing on stdout. */
  const expectOneLineFailure = (result: CliResult) => {
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^amberkit: [^\n]+\n$/);
    expect(result.stderr).not.toMatch(/\bat .+:\d+:\d+/);
  };

  test('the server answers 500', async () => {
    await using ctx = await emulatorEnv();
    ctx.emulator.setFaults([{ status: 500 }]);
    const result = await runCli(['customers', 'list', '--json'], { env: ctx.env });
    expectOneLineFailure(result);
    expect(result.stderr).toContain('500');
    expect(ctx.emulator.requests().filter((r) => r.status === 500).length).toBeGreaterThan(0);
  });

  test('the server hangs, then goes away mid-request', async () => {
    await using ctx = await emulatorEnv();
    ctx.emulator.setFaults([{ hang: true }]);
    const running = runCli(['customers', 'list', '--json'], { env: ctx.env });
    // A hung request is logged with status 0 as soon as it arrives.
    const deadline = Date.now() + 10_000;
    while (!ctx.emulator.requests().some((r) => r.path === '/customers' && r.status === 0)) {
      if (Date.now() > deadline) throw new Error('the CLI never reached the emulator');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await ctx.server.close();
    expectOneLineFailure(await running);
  });

  test('the server hangs: --timeout or AMBERKIT_TIMEOUT gives up with TIMEOUT, not after 30 s', async () => {
    await using ctx = await emulatorEnv();
    ctx.emulator.setFaults([{ hang: true }]);
    const byFlag = await runCli(['customers', 'list', '--json', '--timeout', '300ms'], {
      env: ctx.env,
    });
    expectOneLineFailure(byFlag);
    expect(byFlag.stderr).toContain('GET /customers did not finish within 300 ms');
    expect(byFlag.stderr).toContain('TIMEOUT');
    const byEnv = await runCli(['customers', 'get', 'demo-00001', '--json'], {
      env: { ...ctx.env, AMBERKIT_TIMEOUT: '0.4' },
    });
    expectOneLineFailure(byEnv);
    expect(byEnv.stderr).toContain('did not finish within 400 ms');
    // Both reached the server, which never answered.
    expect(ctx.emulator.requests().filter((r) => r.status === 0)).toHaveLength(2);
  });

  test('a bad --timeout is a usage error (exit 2), and nothing is sent', async () => {
    await using ctx = await emulatorEnv();
    const result = await runCli(['customers', 'list', '--timeout', 'soon'], { env: ctx.env });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      "amberkit: --timeout: 'soon' is not a timeout; give seconds (30, 2.5) or a number with ms, s, m or h (500ms, 10s, 2m, 1h)\n",
    );
    expect(ctx.emulator.requests()).toEqual([]);
  });

  test('nothing listens on the port', async () => {
    await using ctx = await emulatorEnv();
    await ctx.server.close();
    const result = await runCli(['customers', 'list', '--json'], { env: ctx.env });
    expectOneLineFailure(result);
    expect(result.stderr).not.toContain(API_KEY);
  });
});
