import { describe, expect, test } from 'vitest';
import { createAmberfloClient } from './create-client.js';
import {
  BadRequestError,
  ConflictError,
  ConnectionError,
  ForbiddenError,
  NotFoundError,
  RateLimitError,
  ServerError,
  UnauthorizedError,
} from './error-classes.js';
import { AmberfloError, isAmberfloError } from './errors.js';
import { type Reply, startTestServer } from './test-server.js';

async function failWith(reply: Reply, call: 'get' | 'create' = 'get') {
  await using server = await startTestServer([reply]);
  const client = createAmberfloClient({ apiKey: 'k', baseUrl: server.url, retry: false });
  const promise =
    call === 'get'
      ? client.customers.get('customer-1')
      : client.customers.create({ customerId: 'customer-1', customerName: 'C' });
  const error = await promise.then(
    () => expect.unreachable('the call should have failed'),
    (e: unknown) => e,
  );
  expect(isAmberfloError(error)).toBe(true);
  return error as AmberfloError;
}

describe('status → error class', () => {
  test.each([
    [400, BadRequestError, 'VALIDATION_FAILED'],
    [401, UnauthorizedError, 'UNAUTHORIZED'],
    [403, ForbiddenError, 'FORBIDDEN'],
    [404, NotFoundError, 'NOT_FOUND'],
    [409, ConflictError, 'CONFLICT'],
    [429, RateLimitError, 'RATE_LIMITED'],
    [500, ServerError, 'INTERNAL'],
    [502, ServerError, 'UPSTREAM_UNAVAILABLE'],
  ])('%i → %o', async (status, ErrorClass, code) => {
    const error = await failWith({
      status,
      headers: { 'x-request-id': `req-${status}` },
      body: { message: `problem ${status}`, code },
    });
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toBeInstanceOf(AmberfloError);
    expect(error.name).toBe(ErrorClass.name);
    expect(error).toMatchObject({
      status,
      code,
      requestId: `req-${status}`,
      method: 'GET',
      path: '/customers/customer-1',
    });
    expect(error.message).toContain(`problem ${status}`);
    expect(error.message).toContain('GET /customers/customer-1');
  });

  test('400 with code CONFLICT (a duplicate customerId) is a ConflictError', async () => {
    const error = await failWith(
      { status: 400, body: { message: 'customerId already exists', code: 'CONFLICT' } },
      'create',
    );
    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({
      status: 400,
      code: 'CONFLICT',
      method: 'POST',
      path: '/customers',
    });
  });

  test('validation issues and the body requestId are carried over', async () => {
    const issues = [{ path: 'address.city', message: 'Required' }];
    const error = await failWith(
      {
        status: 400,
        body: { message: 'invalid', code: 'VALIDATION_FAILED', issues, requestId: 'body-req-1' },
      },
      'create',
    );
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error.issues).toEqual(issues);
    expect(error.requestId).toBe('body-req-1');
  });

  test('the live API shape {errorMessage} is understood', async () => {
    const error = await failWith(
      { status: 400, body: { errorMessage: 'customerName is missing' } },
      'create',
    );
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toContain('customerName is missing');
  });

  test('one malformed field does not cost the message, code or the good fields', async () => {
    const error = await failWith(
      {
        status: 400,
        headers: { 'x-request-id': 'hdr-1' },
        body: {
          message: 'customerName is missing',
          code: 'VALIDATION_FAILED',
          issues: 'oops',
          requestId: 42,
        },
      },
      'create',
    );
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({
      code: 'VALIDATION_FAILED',
      requestId: 'hdr-1',
      issues: undefined,
    });
    expect(error.message).toContain('customerName is missing');
  });

  test('a JSON string body (some gateways) becomes the message', async () => {
    const error = await failWith({ status: 403, body: JSON.stringify('Forbidden on this route') });
    expect(error).toBeInstanceOf(ForbiddenError);
    expect(error.code).toBe('FORBIDDEN');
    expect(error.message).toContain('Forbidden on this route');
  });

  test('a non-JSON error body (a gateway page) becomes the message', async () => {
    const error = await failWith({ status: 503, body: 'upstream connect error' });
    expect(error).toBeInstanceOf(ServerError);
    expect(error.code).toBe('SERVER_ERROR');
    expect(error.message).toContain('upstream connect error');
  });

  test('an empty error body still names the status', async () => {
    const error = await failWith({ status: 401 });
    expect(error).toBeInstanceOf(UnauthorizedError);
    expect(error.code).toBe('UNAUTHORIZED');
    expect(error.message).toContain('401');
  });

  test('429 carries retryAfterMs from Retry-After', async () => {
    const error = await failWith({ status: 429, headers: { 'retry-after': '7' }, body: {} });
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfterMs).toBe(7000);
  });

  test.each([
    ['only RateLimit-Reset', { 'ratelimit-reset': '7' }, 7000],
    [
      'a junk Retry-After and RateLimit-Reset',
      { 'retry-after': 'soon', 'ratelimit-reset': '7' },
      7000,
    ],
    ['only a junk Retry-After', { 'retry-after': 'soon' }, undefined],
  ])('429 with %s: retryAfterMs is what the client would wait on', async (_name, headers, ms) => {
    const error = await failWith({ status: 429, headers, body: {} });
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfterMs).toBe(ms);
  });

  test('another 4xx is a plain AmberfloError with its status', async () => {
    const error = await failWith({
      status: 405,
      body: { message: 'no', code: 'METHOD_NOT_ALLOWED' },
    });
    expect(error.constructor).toBe(AmberfloError);
    expect(error).toMatchObject({ status: 405, code: 'METHOD_NOT_ALLOWED' });
  });
});

describe('not found and connection failures', () => {
  test.each([
    ['the live API’s 200 {}', { status: 200, body: {} }],
    ['a 200 with an empty body', { status: 200 }],
    ['a 404', { status: 404, body: { message: 'Customer not found', code: 'NOT_FOUND' } }],
  ])('customers.get turns %s into NotFoundError', async (_name, reply) => {
    const error = await failWith(reply);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ code: 'NOT_FOUND', path: '/customers/customer-1' });
  });

  test.each([200, 204])(
    'an empty %i to customers.get names that status, not another',
    async (status) => {
      const error = await failWith({ status });
      expect(error).toBeInstanceOf(NotFoundError);
      expect(error).toMatchObject({ status });
      expect(error.message).toContain(`failed with ${status} NOT_FOUND`);
    },
  );

  test('a refused connection is a ConnectionError with the reason', async () => {
    const server = await startTestServer([]);
    const url = server.url;
    await server.close();
    const client = createAmberfloClient({ apiKey: 'k', baseUrl: url, retry: false });
    const error = await client.customers.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toMatchObject({ code: 'CONNECTION_FAILED', status: undefined, method: 'GET' });
    expect((error as Error).message).toMatch(/ECONNREFUSED|fetch failed/);
  });

  test('a dropped connection is a ConnectionError', async () => {
    const error = await failWith({ destroy: true });
    expect(error).toBeInstanceOf(ConnectionError);
  });

  test('isAmberfloError recognises a copy of the class by its brand, and rejects others', () => {
    const error = new NotFoundError({ message: 'm', code: 'NOT_FOUND', method: 'GET', path: '/x' });
    const foreign = Object.create(null) as object;
    Object.defineProperty(foreign, Symbol.for('@amberkit/core/AmberfloError'), { value: true });
    expect(isAmberfloError(error)).toBe(true);
    expect(isAmberfloError(foreign)).toBe(true);
    expect(isAmberfloError(new Error('x'))).toBe(false);
    expect(isAmberfloError({ code: 'NOT_FOUND' })).toBe(false);
    expect(isAmberfloError(null)).toBe(false);
  });
});
