import { describe, expect, test } from 'vitest';
import { createAmberfloClient } from './create-client.js';
import { RedirectError } from './error-classes.js';
import { isAmberfloError } from './errors.js';
import { type Reply, startTestServer } from './test-server.js';

const KEY = 'sk_live_REDIRECT_7a6b5c';

/** A server that redirects, and another origin (another port) that must never be reached. */
async function redirecting(reply: (otherUrl: string) => Reply) {
  const other = await startTestServer([{ body: [] }]);
  const server = await startTestServer([reply(other.url)]);
  const client = createAmberfloClient({ apiKey: KEY, baseUrl: server.url });
  return {
    server,
    other,
    client,
    [Symbol.asyncDispose]: async () => {
      await server.close();
      await other.close();
    },
  };
}

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.unreachable('the call should have failed'),
    (e: unknown) => e,
  );

describe('redirects are never followed', () => {
  test.each([301, 302, 303, 307, 308])(
    'a GET answered with %i to another origin is a RedirectError; that origin sees nothing',
    async (status) => {
      await using ctx = await redirecting((other) => ({
        status,
        headers: { location: `${other}/customers` },
      }));
      const error = await failure(ctx.client.customers.list());
      expect(error).toBeInstanceOf(RedirectError);
      expect(isAmberfloError(error)).toBe(true);
      const location = `${ctx.other.url}/customers`;
      expect(error).toMatchObject({ status, code: 'REDIRECT', location, method: 'GET' });
      expect((error as Error).message).toContain(String(status));
      expect((error as Error).message).toContain(location);
      expect(JSON.stringify(error)).toContain(location);
      expect(JSON.stringify(error)).not.toContain(KEY);
      expect((error as Error).message).not.toContain(KEY);
      expect(ctx.other.requests).toHaveLength(0);
      expect(ctx.server.requests).toHaveLength(1); // not retried either
    },
  );

  test('a POST answered with 307 does not re-send its body or key anywhere', async () => {
    await using ctx = await redirecting((other) => ({
      status: 307,
      headers: { location: `${other}/customers` },
    }));
    const error = await failure(
      ctx.client.customers.create({ customerId: 'c-1', customerName: 'C' }),
    );
    expect(error).toBeInstanceOf(RedirectError);
    expect(error).toMatchObject({ status: 307, method: 'POST', path: '/customers' });
    expect(ctx.other.requests).toHaveLength(0);
    expect(ctx.server.requests).toHaveLength(1);
  });

  test('a same-origin redirect is not followed either; a relative Location is kept as sent', async () => {
    await using ctx = await redirecting(() => ({
      status: 302,
      headers: { location: '/v2/customers' },
    }));
    const error = await failure(ctx.client.customers.list());
    expect(error).toBeInstanceOf(RedirectError);
    expect(error).toMatchObject({ status: 302, location: '/v2/customers' });
    expect(ctx.server.requests.map((r) => r.url)).toEqual(['/customers']);
  });

  test('a key echoed in the Location is masked', async () => {
    await using ctx = await redirecting((other) => ({
      status: 302,
      headers: { location: `${other}/customers?key=${KEY}` },
    }));
    const error = await failure(ctx.client.customers.list());
    expect(error).toBeInstanceOf(RedirectError);
    expect(JSON.stringify(error)).not.toContain(KEY);
    expect((error as RedirectError).location).toBe(`${ctx.other.url}/customers?key=***`);
    expect(ctx.other.requests).toHaveLength(0);
  });
});
