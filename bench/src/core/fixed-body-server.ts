import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A bare node:http server on 127.0.0.1 answering `GET /customers` with the same pre-encoded
 * bytes every time (and `/broken/customers` with a body the schema must reject), so the
 * server's cost is as small and as constant as it can be for both sides of the comparison.
 */
export async function serveFixedBody(body: Buffer, apiKey: string) {
  const server = createServer((request, response) => {
    const path = request.url?.split('?')[0];
    const json = (status: number, payload: string | Buffer) => {
      response.writeHead(status, {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(payload),
      });
      response.end(payload);
    };
    if (request.headers['x-api-key'] !== apiKey)
      json(401, '{"message":"Unauthorized","code":"UNAUTHORIZED"}');
    else if (path === '/customers') json(200, body);
    else if (path === '/broken/customers') json(200, '[{"customerId":5}]');
    else json(404, '{"message":"Not found","code":"NOT_FOUND"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const close = () =>
    new Promise<void>((resolve, reject) => {
      server.closeAllConnections();
      server.close((error) => (error ? reject(error) : resolve()));
    });
  return { url: `http://127.0.0.1:${port}`, close, [Symbol.asyncDispose]: close };
}
