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
  });
});
