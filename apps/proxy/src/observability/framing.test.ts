import { request } from 'node:http';
import { describe, expect, test } from 'vitest';
import { tcpStack } from '../test/tcp-stack.js';

type Raw = { status: number; headers: Record<string, string>; body: string };

/** One request with node:http, every response header as sent (fetch hides framing). */
function raw(url: string, method: string, key: string): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers: { authorization: `Bearer ${key}` } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
      });
      res.on('end', () => {
        const headers: Record<string, string> = {};
        for (let i = 0; i < res.rawHeaders.length; i += 2)
          headers[res.rawHeaders[i]!.toLowerCase()] = res.rawHeaders[i + 1]!;
        resolve({ status: res.statusCode!, headers, body });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

describe('framing over TCP', () => {
  test('HEAD carries the Content-Length its GET would, cached or not, and no body', async () => {
    await using s = await tcpStack();
    const url = `${s.server.url}/customers/customer-123456`;
    const cold = await raw(url, 'HEAD', s.key);
    const get = await raw(url, 'GET', s.key);
    const warm = await raw(url, 'HEAD', s.key);
    expect(get.headers['x-cache']).toBe('HIT');
    const length = String(Buffer.byteLength(get.body));
    for (const head of [cold, warm]) {
      expect(head.status).toBe(200);
      expect(head.body).toBe('');
      expect(head.headers['content-length']).toBe(length);
      expect(head.headers['transfer-encoding']).toBeUndefined();
      expect(head.headers['content-type']).toBe(get.headers['content-type']);
    }
    expect(warm.headers['x-cache']).toBe('HIT');
  });

  test('DELETE answers 200 with no body: Content-Length 0, no Content-Type, not chunked', async () => {
    await using s = await tcpStack();
    const deleted = await raw(`${s.server.url}/customers/customer-123456`, 'DELETE', s.key);
    expect(deleted.status).toBe(200);
    expect(deleted.body).toBe('');
    expect(deleted.headers['content-length']).toBe('0');
    expect(deleted.headers['content-type']).toBeUndefined();
    expect(deleted.headers['transfer-encoding']).toBeUndefined();
    expect(deleted.headers['x-request-id']).toBeDefined();
  });
});
