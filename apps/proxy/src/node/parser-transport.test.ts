import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type AddressInfo, createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createServer as createTlsServer } from 'node:tls';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { builtCli } from '../test/built-cli.js';
import { UpstreamTimeoutError, UpstreamUnavailableError } from '../upstream/errors.js';
import type { TransportRequest } from '../upstream/transport.js';
import { parserTransport } from './parser-transport.js';

/** One request as a raw server read it: the head's lines and the body's bytes. */
type Received = { readonly lines: string[]; readonly body: Buffer; readonly socket: Socket };

/**
 * A TCP server that reads HTTP/1.1 requests itself (head, then Content-Length bytes) and
 * answers each with `answer`, so a test controls every byte upstream sends.
 */
async function rawUpstream(
  answer: (request: Received, index: number) => void,
  make: (listener: (socket: Socket) => void) => Server = (l) => createServer(l),
) {
  const received: Received[] = [];
  const sockets: Socket[] = [];
  const server = make((socket) => {
    sockets.push(socket);
    let pending = Buffer.alloc(0);
    socket.on('error', () => {});
    socket.on('data', (data: Buffer) => {
      pending = Buffer.concat([pending, data]);
      for (;;) {
        const end = pending.indexOf('\r\n\r\n');
        if (end === -1) return;
        const lines = pending.subarray(0, end).toString('latin1').split('\r\n');
        const lengthLine = lines.find((l) => l.toLowerCase().startsWith('content-length:'));
        const length = lengthLine ? Number(lengthLine.split(':')[1]) : 0;
        if (pending.length < end + 4 + length) return;
        const body = pending.subarray(end + 4, end + 4 + length);
        pending = pending.subarray(end + 4 + length);
        const request = { lines, body, socket };
        received.push(request);
        answer(request, received.length - 1);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    received,
    sockets,
    port,
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

const ok = (body: string, extra = '') =>
  `HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\n${extra}\r\n${body}`;

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Whether the parser reads the sockets itself in this run of the suite (see below). */
let consume = true;

async function setup(
  answer: (request: Received, index: number) => void,
  options: Parameters<typeof parserTransport>[0] = {},
) {
  const upstream = await rawUpstream(answer);
  const http = parserTransport({ consume, ...options });
  cleanups.push(
    () => upstream.close(),
    () => http.close(),
  );
  const send = (path: string, init: Partial<TransportRequest> = {}) =>
    http.transport({
      method: 'GET',
      url: `${upstream.url}${path}`,
      headers: { 'x-api-key': 'k' },
      body: undefined,
      timeoutMs: 2_000,
      ...init,
    });
  return { upstream, http, send };
}

// Every test twice: with the parser reading each socket itself (what Node does), and with the
// answers handed over from the socket's data events (the fallback).
describe.each([
  ['the parser reads the socket', true],
  ['data events feed the parser', false],
])('parser transport, %s (over TCP, against servers that write raw HTTP)', (_how, reads) => {
  beforeEach(() => {
    consume = reads;
  });

  test('the parser reads the socket itself when asked, else the data events feed it; a large answer either way', async () => {
    // The same class the transport loads: a spy on its prototype sees every consume().
    const { HTTPParser } = createRequire(import.meta.url)('_http_common') as {
      HTTPParser: { prototype: { consume(handle: object): void } };
    };
    const consumed = vi.spyOn(HTTPParser.prototype, 'consume');
    cleanups.push(() => consumed.mockRestore());
    const big = JSON.stringify({ items: 'x'.repeat(300_000) });
    const { send } = await setup(({ socket }) => socket.write(ok(big)));
    expect((await send('/big')).body).toBe(big);
    expect(consumed).toHaveBeenCalledTimes(consume ? 1 : 0);
  });

  test('writes one well-formed request: request line, Host, identity, the given headers, the body', async () => {
    const { upstream, send } = await setup(({ socket }) => socket.write(ok('{}')));
    const body = JSON.stringify({ customerName: 'Zoë — €' });
    await send('/customers?x=1', {
      method: 'POST',
      headers: { 'x-api-key': 'k', 'content-type': 'application/json' },
      body,
    });
    const [request] = upstream.received;
    expect(request!.lines).toEqual([
      'POST /customers?x=1 HTTP/1.1',
      `host: 127.0.0.1:${upstream.port}`,
      'accept-encoding: identity',
      'x-api-key: k',
      'content-type: application/json',
      `content-length: ${Buffer.byteLength(body)}`,
    ]);
    expect(request!.body.toString('utf8')).toBe(body);
  });

  test('sequential requests reuse one keep-alive connection; concurrent ones past the limit queue on it', async () => {
    const { upstream, send } = await setup(
      ({ socket }, i) => setTimeout(() => socket.write(ok(`{"n":${i}}`)), 5),
      { connections: 1 },
    );
    for (let i = 0; i < 3; i++) expect(JSON.parse((await send('/a')).body)).toEqual({ n: i });
    const together = await Promise.all([send('/b'), send('/c'), send('/d')]);
    expect(together.map((r) => JSON.parse(r.body).n)).toEqual([3, 4, 5]);
    expect(upstream.sockets).toHaveLength(1);
  });

  test('a chunked body, a body read until close, and an answer split across many writes', async () => {
    const { send } = await setup(({ socket }, i) => {
      if (i === 0) {
        socket.write(
          'HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n',
        );
        socket.write('4\r\n{"a"\r\n');
        socket.write('3\r\n:1}\r\n0\r\n\r\n');
      } else if (i === 1) {
        socket.end(
          'HTTP/1.1 200 OK\r\ncontent-type: text/plain\r\nconnection: close\r\n\r\nuntil close',
        );
      } else {
        const text = ok('{"split":"€"}');
        const bytes = Buffer.from(text);
        // One byte at a time, the euro sign's three bytes in three writes.
        let at = 0;
        const next = () => {
          if (at < bytes.length) socket.write(bytes.subarray(at, ++at), next);
        };
        next();
      }
    });
    expect(await send('/chunked')).toMatchObject({ status: 200, body: '{"a":1}' });
    expect(await send('/close')).toMatchObject({ contentType: 'text/plain', body: 'until close' });
    expect(JSON.parse((await send('/split')).body)).toEqual({ split: '€' });
  });

  test('an interim 100 Continue is skipped; a HEAD answer has no body; 204 has none either', async () => {
    const { send } = await setup(({ socket, lines }) => {
      if (lines[0]!.startsWith('HEAD'))
        socket.write(
          'HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 99\r\n\r\n',
        );
      else if (lines[0]!.includes('/empty')) socket.write('HTTP/1.1 204 No Content\r\n\r\n');
      else socket.write(`HTTP/1.1 100 Continue\r\n\r\n${ok('{"final":true}')}`);
    });
    expect(await send('/interim')).toMatchObject({ status: 200, body: '{"final":true}' });
    // The HEAD answer's Content-Length announces 99 bytes that never come: nothing is waited for.
    expect(await send('/head', { method: 'HEAD' })).toMatchObject({ status: 200, body: '' });
    expect(await send('/empty')).toMatchObject({ status: 204, body: '' });
  });

  test('Content-Type and Retry-After are found among more than 32 headers, in any case', async () => {
    const many = Array.from({ length: 40 }, (_, i) => `x-filler-${i}: ${i}\r\n`).join('');
    const { send } = await setup(({ socket }) =>
      socket.write(
        `HTTP/1.1 429 Too Many Requests\r\n${many}Retry-After: 7\r\nCONTENT-TYPE: application/problem+json\r\ncontent-length: 2\r\n\r\n{}`,
      ),
    );
    expect(await send('/limited')).toEqual({
      status: 429,
      contentType: 'application/problem+json',
      retryAfter: '7',
      body: '{}',
    });
  });

  test("Connection: close and a Keep-Alive timeout under two seconds end the connection; the server's idle close is noticed", async () => {
    const { upstream, send } = await setup(({ socket }, i) => {
      if (i === 0) socket.write(ok('{}', 'connection: close\r\n'));
      else if (i === 1) socket.write(ok('{}', 'keep-alive: timeout=1\r\n'));
      else if (i === 2) {
        // Answers, then closes the idle connection as a server's keep-alive timeout would.
        socket.write(ok('{}'), () => setTimeout(() => socket.end(), 20));
      } else socket.write(ok('{}'));
    });
    for (let i = 0; i < 3; i++) expect((await send('/x')).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await send('/x')).status).toBe(200);
    // Four requests, four connections: none was reused after its server said it would close.
    expect(upstream.sockets).toHaveLength(4);
  });

  test('between sweeps, an idle connection past its time is not handed out: a new one serves the request', async () => {
    const { upstream, send } = await setup(({ socket }) =>
      socket.write(ok('{}', 'keep-alive: timeout=2\r\n')),
    );
    expect((await send('/x')).status).toBe(200);
    // The pool's clock jumps 1.5 s (its limit here is 1 s) with no sweep run in between.
    const now = performance.now.bind(performance);
    const later = vi.spyOn(performance, 'now').mockImplementation(() => now() + 1_500);
    cleanups.push(() => later.mockRestore());
    expect((await send('/x')).status).toBe(200);
    expect(upstream.sockets).toHaveLength(2);
  });

  test('an idle connection is closed a second before the Keep-Alive timeout, and a new one serves the next request', async () => {
    const { upstream, send } = await setup(({ socket }) =>
      socket.write(ok('{}', 'keep-alive: timeout=2\r\n')),
    );
    expect((await send('/x')).status).toBe(200);
    // With no request after it, the pool's sweep closes it (the server would wait two seconds).
    await new Promise((resolve) => upstream.sockets[0]!.once('close', resolve));
    expect((await send('/x')).status).toBe(200);
    expect(upstream.sockets).toHaveLength(2);
  }, 4_000);

  test("bytes after an answer never become the next request's answer; the out-of-step connection is closed and the queue moves on", async () => {
    const { upstream, send } = await setup(
      ({ socket }, i) => {
        // The first answer arrives with a stray second one in the same write.
        if (i === 0)
          socket.write(`${ok('{"n":0}')}HTTP/1.1 200 OK\r\ncontent-length: 5\r\n\r\nbogus`);
        else socket.write(ok(`{"n":${i}}`));
      },
      { connections: 1 },
    );
    const [first, second] = await Promise.all([send('/1'), send('/2')]);
    expect(JSON.parse(first.body)).toEqual({ n: 0 });
    expect(JSON.parse(second.body)).toEqual({ n: 1 });
    expect(upstream.sockets).toHaveLength(2);
  });

  test('a partial answer after a complete one closes the connection; the next request gets a fresh one', async () => {
    const { upstream, send } = await setup(({ socket }, i) =>
      // The stray bytes would run into the next answer on this connection.
      socket.write(i === 0 ? `${ok('{"n":0}')}HTTP/1.1 200` : ok(`{"n":${i}}`)),
    );
    expect(JSON.parse((await send('/1')).body)).toEqual({ n: 0 });
    expect(JSON.parse((await send('/2')).body)).toEqual({ n: 1 });
    expect(upstream.sockets).toHaveLength(2);
  });

  test('trailers after a chunked body do not reach the next answer on the connection', async () => {
    const { upstream, send } = await setup(({ socket }, i) => {
      if (i === 0)
        socket.write(
          'HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\nretry-after: 99\r\n\r\n',
        );
      else socket.write('HTTP/1.1 429 Too Many Requests\r\ncontent-length: 2\r\n\r\n{}');
    });
    expect(await send('/a')).toMatchObject({ status: 200, body: '{}', retryAfter: undefined });
    expect(await send('/b')).toMatchObject({ status: 429, retryAfter: undefined });
    expect(upstream.sockets).toHaveLength(1);
  });

  test('after a connection fails, a request queued behind it gets a new one', async () => {
    const { upstream, send } = await setup(
      ({ socket }, i) => socket.write(i === 0 ? 'NOT HTTP\r\n\r\n' : ok('{"queued":true}')),
      { connections: 1 },
    );
    const [failed, queued] = await Promise.allSettled([send('/bad'), send('/queued')]);
    expect(failed.status).toBe('rejected');
    expect(queued).toMatchObject({ status: 'fulfilled', value: { body: '{"queued":true}' } });
    expect(upstream.sockets).toHaveLength(2);
  });

  test('an interim answer then silence times out as "did not answer"', async () => {
    const { send } = await setup(({ socket }) => socket.write('HTTP/1.1 100 Continue\r\n\r\n'));
    await expect(send('/x', { timeoutMs: 100 })).rejects.toThrow(
      new UpstreamTimeoutError('upstream did not answer within 100 ms'),
    );
  });

  test('a socket that cannot be created (TLS options Node refuses) is UpstreamUnavailableError at once', async () => {
    // A number where Node wants a certificate: tls.connect throws before any socket exists.
    const http = parserTransport({ tls: { ca: 42 as never } });
    cleanups.push(() => http.close());
    const started = performance.now();
    await expect(
      http.transport({
        method: 'GET',
        url: 'https://127.0.0.1:9/x',
        headers: {},
        body: undefined,
        timeoutMs: 5_000,
      }),
    ).rejects.toThrow(UpstreamUnavailableError);
    // Not a speed target: well under the 5 s deadline means it did not wait for the timer.
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  test('idle connections do not keep the process alive', async () => {
    const upstream = await rawUpstream(({ socket }) => socket.write(ok('{}')));
    cleanups.push(() => upstream.close());
    using built = builtCli();
    // One request and no close(): the process ends once the answer is in, not when the idle
    // connection would be closed (about 4 s later).
    const child = spawn(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `const { parserTransport } = await import(${JSON.stringify(join(dirname(built.path), 'node.js'))});
const answer = await parserTransport({ consume: ${consume} }).transport({ method: 'GET', url: ${JSON.stringify(`${upstream.url}/x`)}, headers: {}, body: undefined, timeoutMs: 2000 });
console.log(answer.status);`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    await Promise.race([new Promise((resolve) => child.stdout.once('data', resolve)), exited]);
    const since = performance.now();
    const code = await Promise.race([
      exited,
      new Promise((resolve) => setTimeout(resolve, 3_000, 'still running')),
    ]);
    child.kill();
    expect(out.trim()).toBe('200');
    expect(code).toBe(0);
    expect(performance.now() - since).toBeLessThan(3_000);
  }, 20_000);

  test('an answer it cannot parse, or a dropped connection, is UpstreamUnavailableError and the connection is not reused', async () => {
    const { upstream, send } = await setup(({ socket }, i) => {
      if (i === 0) socket.write('NOT HTTP AT ALL\r\n\r\n');
      else if (i === 1)
        socket.write('HTTP/1.1 200 OK\r\ncontent-length: 50\r\n\r\n{"cut', () => socket.destroy());
      else socket.write(ok('{"fine":1}'));
    });
    await expect(send('/garbage')).rejects.toThrow(UpstreamUnavailableError);
    await expect(send('/cut')).rejects.toThrow(/while reading the body/);
    expect(JSON.parse((await send('/fine')).body)).toEqual({ fine: 1 });
    expect(upstream.sockets).toHaveLength(3);
  });

  test('a hung upstream times out at the deadline, the head and the body each; the connection is closed', async () => {
    const { upstream, send } = await setup(({ socket }, i) => {
      if (i === 1) socket.write('HTTP/1.1 200 OK\r\ncontent-length: 10\r\n\r\n{"sl');
      else if (i === 2) socket.write(ok('{}'));
    });
    await expect(send('/hang', { timeoutMs: 100 })).rejects.toThrow(
      new UpstreamTimeoutError('upstream did not answer within 100 ms'),
    );
    await expect(send('/slow-body', { timeoutMs: 100 })).rejects.toThrow(
      new UpstreamTimeoutError('upstream body did not arrive within 100 ms'),
    );
    expect((await send('/ok')).status).toBe(200);
    expect(upstream.sockets).toHaveLength(3);
  });

  test('a header value or path that would break the request line or head is refused before anything is sent', async () => {
    const { upstream, send } = await setup(({ socket }) => socket.write(ok('{}')));
    await expect(
      send('/x', { headers: { 'x-request-id': 'a\r\nx-api-key: stolen' } }),
    ).rejects.toThrow(TypeError);
    await expect(send('/x', { headers: { 'bad name': 'v' } })).rejects.toThrow(TypeError);
    await expect(send('/x y')).rejects.toThrow(TypeError);
    await expect(send('/x', { method: 'GET /y' })).rejects.toThrow(TypeError);
    expect(upstream.received).toHaveLength(0);
    expect((await send('/x')).status).toBe(200);
  });

  test('close() fails requests still queued and ends the connections', async () => {
    const { upstream, http, send } = await setup(() => {}, { connections: 1 });
    const first = send('/hang');
    const queued = send('/queued');
    await new Promise((resolve) => setTimeout(resolve, 50));
    http.close();
    await expect(queued).rejects.toThrow(
      new UpstreamUnavailableError('the proxy is shutting down'),
    );
    await expect(first).rejects.toThrow(new UpstreamUnavailableError('the proxy is shutting down'));
    expect(upstream.received).toHaveLength(1);
  });

  test('HTTPS to a server whose certificate a given CA signed; refused without it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'amberkit-tls-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    // A self-signed certificate for localhost, made with the openssl CLI.
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:P-256',
        '-nodes',
        '-subj',
        '/CN=localhost',
        '-addext',
        'subjectAltName=DNS:localhost',
        '-days',
        '1',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    const cert = readFileSync(join(dir, 'cert.pem'));
    const key = readFileSync(join(dir, 'key.pem'));
    const big = 'y'.repeat(200_000);
    const upstream = await rawUpstream(
      ({ socket, lines }) =>
        socket.write(
          ok(JSON.stringify({ host: lines[1], ...(lines[0]!.includes('/big') ? { big } : {}) })),
        ),
      (listener) => createTlsServer({ cert, key }, listener),
    );
    cleanups.push(() => upstream.close());
    const request = (http: ReturnType<typeof parserTransport>, path = '/customers') =>
      http.transport({
        method: 'GET',
        url: `https://localhost:${upstream.port}${path}`,
        headers: {},
        body: undefined,
        timeoutMs: 2_000,
      });
    const trusting = parserTransport({ tls: { ca: cert }, consume });
    const strict = parserTransport({ consume });
    cleanups.push(
      () => trusting.close(),
      () => strict.close(),
    );
    expect(JSON.parse((await request(trusting)).body)).toEqual({
      host: `host: localhost:${upstream.port}`,
    });
    // Many TLS records, on the same connection.
    expect(JSON.parse((await request(trusting, '/big')).body).big).toBe(big);
    expect(upstream.sockets).toHaveLength(1);
    await expect(request(strict)).rejects.toThrow(UpstreamUnavailableError);
  });
});
