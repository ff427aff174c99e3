import { connect } from 'node:net';
import { describe, expect, test, vi } from 'vitest';
import { tcpStack } from '../test/tcp-stack.js';

/** Writes `bytes` on a new connection and reads until the server closes it. */
function exchange(port: number, bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    socket.on('error', reject);
    socket.setTimeout(5_000, () => reject(new Error('the server left the socket hanging')));
    socket.write(bytes);
  });
}

function parse(text: string) {
  const split = text.indexOf('\r\n\r\n');
  const [top = '', ...lines] = text.slice(0, split).split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { status: Number(top.split(' ')[1]), headers, body: text.slice(split + 4) };
}

/** Two answers on one connection: the first ends where its Content-Length says. */
function parsePipelined(text: string) {
  const first = parse(text);
  const length = Number(first.headers['content-length']);
  const second = parse(first.body.slice(length));
  return [{ ...first, body: first.body.slice(0, length) }, second] as const;
}

describe("requests Node's parser refuses get the proxy's answer", () => {
  test('431 for headers too large, 400 for a bare CR: ErrorResponse, request id, security headers, counted, closed', async () => {
    await using s = await tcpStack();
    const port = s.server.port;
    const long = `GET /customers/${'x'.repeat(20_000)} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`;
    const bareCr = 'GET /customers HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Trace: a\rb\r\n\r\n';
    for (const [bytes, status, path] of [
      [long, 431, 'headers'],
      [bareCr, 400, '(request)'],
    ] as const) {
      const answer = parse(await exchange(port, bytes));
      expect(answer.status).toBe(status);
      expect(answer.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
      expect(answer.headers['cache-control']).toBe('no-store');
      expect(answer.headers.connection).toBe('close');
      expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(Number(answer.headers['content-length'])).toBe(Buffer.byteLength(answer.body));
      expect(JSON.parse(answer.body)).toEqual({
        message: expect.stringContaining('Malformed request'),
        code: 'VALIDATION_FAILED',
        issues: [{ path, message: expect.any(String) }],
        requestId: answer.headers['x-request-id'],
      });
    }
    const metrics = await (await fetch(`${s.server.url}/metrics`)).text();
    for (const status of [431, 400])
      expect(metrics).toContain(
        `amberkit_proxy_requests_total{route="unmatched",method="UNKNOWN",status="${status}"} 1`,
      );
    const logged = s.lines.map((l) => JSON.parse(l)).filter((l) => l.route === 'unmatched');
    expect(logged.map((l) => l.status)).toEqual([431, 400]);
    // The server still serves.
    expect((await s.call('/customers')).status).toBe(200);
  });

  test('behind a request still in flight on the connection: its answer first, then the refusal', async () => {
    await using s = await tcpStack();
    // The write waits on upstream while the malformed request behind it is parsed.
    s.emulator.setFaults([{ method: 'POST', path: '/customers', latencyMs: 300 }]);
    const body = JSON.stringify({ customerId: 'pipelined-1', customerName: 'P' });
    const post =
      'POST /customers HTTP/1.1\r\nHost: 127.0.0.1\r\n' +
      `Authorization: Bearer ${s.key}\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
    const malformed = 'GET /customers HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Trace: a\rb\r\n\r\n';
    const raw = await exchange(s.server.port, post + malformed);
    const [first, second] = parsePipelined(raw);
    expect(first.status).toBe(200);
    expect(JSON.parse(first.body)).toMatchObject({ customerId: 'pipelined-1' });
    expect(second.status).toBe(400);
    expect(second.headers.connection).toBe('close');
    expect(JSON.parse(second.body)).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(s.emulator.snapshot().customers.map((c) => c.customerId)).toContain('pipelined-1');
  });

  test('a body that stops arriving: 408 once the request timeout passes, and the connection closes', async () => {
    await using s = await tcpStack({}, undefined, { requestTimeoutMs: 1_000 });
    const head =
      'POST /customers HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Request-Id: stalled-1\r\n' +
      `Authorization: Bearer ${s.key}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n`;
    const answer = parse(await exchange(s.server.port, `${head}{"customerId":"slow`));
    expect(answer.status).toBe(408);
    expect(answer.headers.connection).toBe('close');
    expect(answer.headers['x-request-id']).toBe('stalled-1');
    expect(JSON.parse(answer.body)).toMatchObject({
      code: 'VALIDATION_FAILED',
      issues: [{ path: '(request)', message: 'the request did not arrive in time' }],
      requestId: 'stalled-1',
    });
    expect(s.emulator.requests().filter((r) => r.method === 'POST')).toEqual([]);
    // The same with the body sent chunked.
    const chunked = head
      .replace('Content-Length: 100', 'Transfer-Encoding: chunked')
      .replace('stalled-1', 'stalled-2');
    expect(parse(await exchange(s.server.port, `${chunked}20\r\n{"customerId":"slow`)).status).toBe(
      408,
    );
    // The handler that was waiting for the body sees the client gone: an info line, no 500.
    const logged = () => s.lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    await vi.waitFor(() =>
      expect(
        logged()
          .filter((l) => l.msg === 'client gone')
          .map((l) => l.requestId),
      ).toEqual(['stalled-1', 'stalled-2']),
    );
    const gone = logged().filter((l) => l.msg === 'client gone');
    for (const line of gone)
      expect(line).toMatchObject({ level: 'info', method: 'POST', route: 'createCustomer' });
    expect(logged().filter((l) => l.level === 'error')).toEqual([]);
    const timedOut = logged().filter((l) => l.status === 408);
    expect(timedOut.map((l) => [l.requestId, l.method])).toEqual([
      ['stalled-1', 'POST'],
      ['stalled-2', 'POST'],
    ]);
    const metrics = await (await fetch(`${s.server.url}/metrics`)).text();
    expect(metrics).not.toMatch(/status="500"/);
    expect(metrics).toContain(
      'amberkit_proxy_requests_total{route="unmatched",method="POST",status="408"} 2',
    );
  });

  test('a stalled body behind a slow request on the connection: the earlier answer first, then the 408', async () => {
    await using s = await tcpStack({}, undefined, { requestTimeoutMs: 1_000 });
    s.emulator.setFaults([{ method: 'GET', path: '/customers/slow-get', latencyMs: 1_800 }]);
    const get =
      'GET /customers/slow-get HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Request-Id: first-1\r\n' +
      `Authorization: Bearer ${s.key}\r\n\r\n`;
    const post =
      'POST /customers HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Request-Id: stalled-3\r\n' +
      `Authorization: Bearer ${s.key}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n` +
      '{"customerId":"slow';
    const raw = await exchange(s.server.port, get + post);
    const [first, second] = parsePipelined(raw);
    // The GET's own answer (the emulator has no such customer), never the 408 in its place.
    expect(first.headers['x-request-id']).toBe('first-1');
    expect(first.status).not.toBe(408);
    expect(second.status).toBe(408);
    expect(second.headers['x-request-id']).toBe('stalled-3');
    expect(second.headers.connection).toBe('close');
  });
});
