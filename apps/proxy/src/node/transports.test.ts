import { createEmulator } from '@amberkit/testing';
import { describe, expect, test } from 'vitest';
import { UpstreamTimeoutError, UpstreamUnavailableError } from '../upstream/errors.js';
import type { NodeTransport } from './http-transport.js';
import { nodeHttpTransport } from './http-transport.js';
import { parserTransport } from './parser-transport.js';
import { undiciTransport } from './undici-transport.js';

const KEY = 'transport-key';

const TRANSPORTS = [
  ['node parser', parserTransport],
  ['undici', undiciTransport],
  ['node:http', nodeHttpTransport],
] as const;

async function setup(make: () => NodeTransport) {
  const emulator = createEmulator({ accounts: [KEY] });
  const server = await emulator.listen();
  const http = make();
  const send = (path: string, init: { method?: string; body?: string; timeoutMs?: number } = {}) =>
    http.transport({
      method: init.method ?? 'GET',
      url: `${server.url}${path}`,
      headers: {
        'x-api-key': KEY,
        accept: 'application/json',
        ...(init.body ? { 'content-type': 'application/json' } : {}),
      },
      body: init.body,
      timeoutMs: init.timeoutMs ?? 2_000,
    });
  return {
    emulator,
    server,
    send,
    async [Symbol.asyncDispose]() {
      http.close();
      await server.close();
      await emulator.close();
    },
  };
}

describe.each(TRANSPORTS)('%s transport (over TCP against the emulator)', (_name, make) => {
  test('GET and POST with status, content type and body', async () => {
    await using s = await setup(make);
    const got = await s.send('/customers/customer-123456');
    expect(got.status).toBe(200);
    expect(got.contentType).toContain('application/json');
    expect(JSON.parse(got.body)).toMatchObject({ customerId: 'customer-123456' });
    const posted = await s.send('/customers', {
      method: 'POST',
      body: JSON.stringify({ customerId: 'tr-1', customerName: 'Tr' }),
    });
    expect(posted.status).toBe(200);
    expect((await s.send('/customers/nobody')).status).toBe(404);
  });

  test("a 429 carries upstream's Retry-After", async () => {
    await using s = await setup(make);
    s.emulator.setFaults([{ status: 429, retryAfterSeconds: 7 }]);
    const limited = await s.send('/customers');
    expect(limited.status).toBe(429);
    expect(limited.retryAfter).toBe('7');
  });

  test('a hung upstream → UpstreamTimeoutError after timeoutMs, not rounded to a second', async () => {
    await using s = await setup(make);
    s.emulator.setFaults([{ hang: true }]);
    const started = performance.now();
    await expect(s.send('/customers', { timeoutMs: 150 })).rejects.toBeInstanceOf(
      UpstreamTimeoutError,
    );
    const waited = performance.now() - started;
    // Not a speed target: undici's own timeouts have one-second resolution (1,006 ms here for
    // 150), so anything near a second means the deadline was not ours.
    expect(waited).toBeGreaterThanOrEqual(145);
    expect(waited).toBeLessThan(800);
  });

  test('requests in flight together each time out, and the transport recovers', async () => {
    await using s = await setup(make);
    s.emulator.setFaults([{ latencyMs: 400 }]);
    const started = performance.now();
    const answers = await Promise.allSettled([
      s.send('/customers', { timeoutMs: 200 }),
      s.send('/customers/customer-123456', { timeoutMs: 200 }),
    ]);
    expect(answers.map((a) => a.status)).toEqual(['rejected', 'rejected']);
    for (const a of answers)
      expect((a as PromiseRejectedResult).reason).toBeInstanceOf(UpstreamTimeoutError);
    expect(performance.now() - started).toBeLessThan(800);
    // The transport still works once the upstream is healthy again.
    s.emulator.setFaults([]);
    expect((await s.send('/customers/customer-123456')).status).toBe(200);
  });

  test('a dropped connection and a closed port → UpstreamUnavailableError', async () => {
    await using s = await setup(make);
    s.emulator.setFaults([{ drop: true }]);
    await expect(s.send('/customers')).rejects.toBeInstanceOf(UpstreamUnavailableError);
    const closed = make();
    const port = s.server.port;
    await s.server.close();
    await expect(
      closed.transport({
        method: 'GET',
        url: `http://127.0.0.1:${port}/customers`,
        headers: {},
        body: undefined,
        timeoutMs: 1_000,
      }),
    ).rejects.toBeInstanceOf(UpstreamUnavailableError);
    closed.close();
  });
});

describe.each([
  ['node parser', parserTransport],
  ['undici', undiciTransport],
] as const)('%s transport with a connection limit', (_name, make) => {
  test('the deadline counts from dispatch: a request queued behind a hung one times out too', async () => {
    await using s = await setup(() => make({ connections: 1 }));
    s.emulator.setFaults([{ path: '/customers/hung', hang: true }]);
    // Told by order, not by the clock (a loaded machine stretches any time): counted from
    // dispatch, the queued request's 200 ms run out long before the hung one's 1.5 s; counted
    // from when it gets the connection, it would fail after the hung one.
    const settled: string[] = [];
    const hung = s
      .send('/customers/hung', { timeoutMs: 1_500 })
      .finally(() => settled.push('hung'));
    const queued = s
      .send('/customers/customer-123456', { timeoutMs: 200 })
      .finally(() => settled.push('queued'));
    await expect(queued).rejects.toBeInstanceOf(UpstreamTimeoutError);
    await expect(hung).rejects.toBeInstanceOf(UpstreamTimeoutError);
    expect(settled).toEqual(['queued', 'hung']);
    // The hung exchange was aborted, so the one connection serves the next request.
    expect((await s.send('/customers/customer-123456')).status).toBe(200);
  });
});
