import { Agent, request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { describe, expect, test } from 'vitest';
import { createEmulator } from './create-emulator.js';
import { PortInUseError } from './errors.js';
import { KEY } from './test-support.js';

describe('emulator.listen', () => {
  test('serves on 127.0.0.1 with a free port and disposes with await using', async () => {
    const emulator = createEmulator({ accounts: [KEY] });
    let url: string;
    {
      await using server = await emulator.listen();
      url = server.url;
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(server.port).toBeGreaterThan(0);
      const res = await fetch(`${url}/customers/customer-123456`, {
        headers: { 'x-api-key': KEY },
      });
      expect(await res.json()).toMatchObject({ customerName: 'Acme Corp' });
    }
    await expect(fetch(`${url}/_emulator/health`)).rejects.toBeInstanceOf(TypeError);
  });

  test('close ends idle keep-alive connections at once', async () => {
    const emulator = createEmulator({ accounts: [KEY] });
    const server = await emulator.listen();
    const agent = new Agent({ keepAlive: true, keepAliveMsecs: 60_000 });
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(`${server.url}/_emulator/health`, { agent }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(200);
    const started = performance.now();
    await server.close();
    expect(performance.now() - started).toBeLessThan(1000);
    agent.destroy();
  });

  test('a taken port is a PortInUseError naming host and port', async () => {
    const a = createEmulator();
    await using first = await a.listen();
    const b = createEmulator();
    const error = await b.listen({ port: first.port }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PortInUseError);
    expect((error as Error).message).toContain(`Port ${first.port} on 127.0.0.1 is already in use`);
  });

  test('close can be called twice', async () => {
    const server = await createEmulator().listen();
    await Promise.all([server.close(), server.close()]);
    await server.close();
  });
  test('close does not wait for a client stuck half-way through its request', async () => {
    const server = await createEmulator().listen();
    const socket = connect(server.port, '127.0.0.1');
    // The server may end the socket with a reset rather than a FIN; either way it must end.
    const errors: Error[] = [];
    socket.on('error', (error) => errors.push(error));
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write('POST /customers HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{"cust');
    const closed = new Promise((resolve) => socket.once('close', resolve));
    const started = performance.now();
    await server.close();
    await closed;
    expect(performance.now() - started).toBeLessThan(1000);
    expect(socket.destroyed).toBe(true);
    for (const error of errors) expect(error).toMatchObject({ code: 'ECONNRESET' });
  });
});
