/**
 * Test-only HTTP server on 127.0.0.1 for the client tests (not in the build entries: it
 * imports node:http). It records every request exactly as received and answers from a
 * handler or a queue of replies, so tests check the wire, not the client's intentions.
 */
import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export type RecordedRequest = {
  method: string;
  /** Raw request target, as sent: `/customers/..%2Fx?x=1`. */
  url: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
  /** `performance.now()` when the request finished arriving. */
  at: number;
};

export type Reply = {
  status?: number;
  headers?: Record<string, string>;
  /** An object is sent as JSON; a string as is. */
  body?: unknown;
  /** Never answer (the client must time out or abort). */
  hang?: boolean;
  /** Drop the connection without answering (a network error). */
  destroy?: boolean;
};

export type Handler = (request: RecordedRequest) => Reply | Promise<Reply>;

export type TestServer = {
  url: string;
  requests: RecordedRequest[];
  /** Replace the answers: a handler, or replies used in order (the last one repeats). */
  reply(handler: Handler | Reply[]): void;
  /** Resolves once `count` requests have arrived. */
  waitForRequests(count: number): Promise<void>;
  close(): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
};

function fromQueue(replies: Reply[]): Handler {
  let index = 0;
  return () => replies[Math.min(index++, replies.length - 1)] ?? { status: 200 };
}

export async function startTestServer(handler: Handler | Reply[] = []): Promise<TestServer> {
  let current: Handler = Array.isArray(handler) ? fromQueue(handler) : handler;
  const requests: RecordedRequest[] = [];
  const waiters: Array<{ count: number; resolve: () => void }> = [];

  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = req.url ?? '/';
    const parsed = new URL(url, 'http://127.0.0.1');
    const recorded: RecordedRequest = {
      method: req.method ?? '',
      url,
      path: url.split('?')[0] ?? url,
      query: parsed.searchParams,
      headers: req.headers,
      body: Buffer.concat(chunks).toString('utf8'),
      at: performance.now(),
    };
    requests.push(recorded);
    for (const waiter of waiters.filter((w) => requests.length >= w.count)) waiter.resolve();
    const reply = await current(recorded);
    if (reply.hang) return;
    if (reply.destroy) {
      req.socket.destroy();
      return;
    }
    const isText = typeof reply.body === 'string';
    const payload =
      reply.body === undefined ? '' : isText ? (reply.body as string) : JSON.stringify(reply.body);
    const type = isText ? 'text/plain' : 'application/json';
    res.writeHead(reply.status ?? 200, { 'content-type': type, ...reply.headers });
    res.end(payload);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;

  const close = async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    reply(next) {
      current = Array.isArray(next) ? fromQueue(next) : next;
    },
    waitForRequests(count) {
      if (requests.length >= count) return Promise.resolve();
      return new Promise((resolve) => waiters.push({ count, resolve }));
    },
    close,
    [Symbol.asyncDispose]: close,
  };
}
