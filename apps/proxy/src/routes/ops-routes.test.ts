import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, test } from 'vitest';
import { createStack } from '../test/harness.js';

/** A real HTTP server on 127.0.0.1 answering every request with `status`; its URL. */
async function plainServer(status: number) {
  const server = createServer((_req, res) => res.writeHead(status).end('{}'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    [Symbol.asyncDispose]: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A port on 127.0.0.1 nothing listens on (it was just let go). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const realFetch = (request: Request) => fetch(request);

describe('operational routes', () => {
  test('/healthz reports the upstream origin and kind (emulator)', async () => {
    await using stack = await createStack();
    const res = await stack.call('/healthz', { as: null });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      status: 'ok',
      upstream: { origin: 'http://emulator.local', kind: 'emulator' },
    });
  });

  test('/healthz says amberflo for app.amberflo.io without calling it, other otherwise', async () => {
    // Records what the proxy asks for; app.amberflo.io must never be called.
    const asked: string[] = [];
    await using stack = await createStack({
      proxy: {
        upstream: { baseUrl: 'https://app.amberflo.io' },
        fetch: async (r) => {
          asked.push(r.url);
          return new Response('no', { status: 500 });
        },
      },
    });
    expect(await (await stack.call('/healthz', { as: null })).json()).toMatchObject({
      upstream: { kind: 'amberflo', origin: 'https://app.amberflo.io' },
    });
    expect(asked).toEqual([]);
    // Any other upstream (a real server here, with no emulator admin API) is "other".
    await using billing = await plainServer(404);
    await using other = await createStack({
      proxy: { upstream: { baseUrl: billing.url }, fetch: realFetch },
    });
    expect(await (await other.call('/healthz', { as: null })).json()).toEqual({
      status: 'ok',
      upstream: { kind: 'other', origin: billing.url },
    });
  });

  test('/readyz: 200 with a good key, 503 naming the key problem, 503 when unreachable', async () => {
    await using stack = await createStack();
    const ready = await stack.call('/readyz', { as: null });
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready' });

    await using badKey = await createStack({ proxy: { upstream: { apiKey: 'not-the-key' } } });
    const notReady = await badKey.call('/readyz', { as: null });
    expect(notReady.status).toBe(503);
    expect(((await notReady.json()) as { reason: string }).reason).toContain(
      'AMBERFLO_API_KEY is wrong',
    );

    // 403 means the same as 401: the proxy's own key.
    await using forbidden = await createStack();
    forbidden.emulator.setFaults([{ status: 403 }]);
    const refused = await forbidden.call('/readyz', { as: null });
    expect(refused.status).toBe(503);
    expect(((await refused.json()) as { reason: string }).reason).toBe(
      "upstream answered 403: the proxy's AMBERFLO_API_KEY is wrong",
    );

    // Nothing listening on the upstream's port, over real TCP.
    const port = await closedPort();
    await using down = await createStack({
      proxy: { upstream: { baseUrl: `http://127.0.0.1:${port}` }, fetch: realFetch },
    });
    const unreachable = await down.call('/readyz', { as: null });
    expect(unreachable.status).toBe(503);
    expect(await unreachable.json()).toEqual({
      status: 'not_ready',
      reason: `upstream http://127.0.0.1:${port} is unreachable`,
    });
  });

  test('/metrics counts requests by route and status, cache results, coalesced requests and upstream latency', async () => {
    await using stack = await createStack();
    await stack.call('/customers/customer-123456');
    await stack.call('/customers/customer-123456');
    await stack.call('/customers', { as: null });
    const res = await stack.call('/metrics', { as: null });
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    expect(text).toContain(
      'amberkit_proxy_requests_total{route="getCustomerById",method="GET",status="200"} 2',
    );
    expect(text).toContain(
      'amberkit_proxy_requests_total{route="listCustomers",method="GET",status="401"} 1',
    );
    expect(text).toContain('amberkit_proxy_cache_total{result="hit"} 1');
    expect(text).toContain('amberkit_proxy_cache_total{result="miss"} 1');
    expect(text).toContain('amberkit_proxy_cache_total{result="stale"} 0');
    expect(text).toContain('amberkit_proxy_coalesced_requests_total 0');
    expect(text).toMatch(/amberkit_proxy_upstream_duration_seconds_count 1\n/);
    expect(text).toContain('# TYPE amberkit_proxy_upstream_duration_seconds histogram');
  });

  test("/openapi.json is core's document with the proxy's security and answers", async () => {
    await using stack = await createStack();
    const doc = (await (await stack.call('/openapi.json', { as: null })).json()) as {
      servers: Array<{ url: string }>;
      security: unknown;
      components: { securitySchemes: Record<string, unknown> };
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    };
    // Callers are pointed at the proxy itself, not around it at Amberflo.
    expect(doc.servers.map((s) => s.url)).toEqual(['/']);
    expect(doc.security).toEqual([{ BearerAuth: [] }, { CallerApiKey: [] }]);
    // Only caller-key schemes: the Amberflo key scheme is not offered through the proxy.
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual([
      'BearerAuth',
      'CallerApiKey',
    ]);
    expect(doc.components.securitySchemes.BearerAuth).toMatchObject({
      type: 'http',
      scheme: 'bearer',
    });
    expect(doc.components.securitySchemes.CallerApiKey).toMatchObject({
      type: 'apiKey',
      in: 'header',
      name: 'X-API-KEY',
    });
    const ops = Object.values(doc.paths).flatMap((item) => Object.entries(item));
    expect(ops).toHaveLength(8);
    for (const [method, op] of ops) {
      for (const code of ['401', '403', '429', '502', '504'])
        expect(op.responses[code], `${method} ${code}`).toBeDefined();
      // 413 only where a body is read.
      expect(op.responses['413'] !== undefined, `${method} 413`).toBe(
        method === 'post' || method === 'put',
      );
    }
  });

  test('/openapi.json documents what the routes do: required body fields, 400 everywhere, 404 for unknown customers', async () => {
    await using stack = await createStack();
    type Schema = { $ref?: string; required?: string[] };
    type Op = {
      operationId: string;
      responses: Record<string, unknown>;
      requestBody?: { content: Record<string, { schema: Schema }> };
    };
    const doc = (await (await stack.call('/openapi.json', { as: null })).json()) as {
      paths: Record<string, Record<string, Op>>;
      components: { schemas: Record<string, Schema> };
    };
    const resolve = (schema: Schema): Schema =>
      schema.$ref ? doc.components.schemas[schema.$ref.split('/').at(-1)!]! : schema;
    let bodies = 0;
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        // Every operation can answer 400: a query parameter it does not take, at least.
        expect(op.responses['400'], `${op.operationId} 400`).toBeDefined();
        const schema = op.requestBody?.content['application/json']?.schema;
        if (!schema) continue;
        bodies++;
        // An empty body is refused naming exactly the fields the document calls required.
        const res = await stack.call(path, {
          method: method.toUpperCase(),
          headers: { 'content-type': 'application/json' },
          body: '{}',
        });
        expect(res.status, op.operationId).toBe(400);
        const { issues } = (await res.json()) as { issues: Array<{ path: string }> };
        expect(issues.map((i) => i.path).sort(), op.operationId).toEqual(
          [...(resolve(schema).required ?? [])].sort(),
        );
      }
    }
    expect(bodies).toBe(4);
    const listed = await stack.call('/customers?limit=1');
    expect(listed.status).toBe(400);
    // Upstream answers 404 for a customer it does not know: documented where it can happen.
    const nobody = 'nobody-here';
    for (const [path, method, id] of [
      ['/customers', 'put', 'updateCustomer'],
      ['/payments-pricing-amberflo-customer-prepaid', 'post', 'createPrepaidOrder'],
      ['/payments-pricing-amberflo-customer-pricing', 'post', 'assignPricingPlan'],
    ] as const) {
      expect(doc.paths[path]![method]!.responses['404'], id).toBeDefined();
      const res = await stack.call(path, {
        method: method.toUpperCase(),
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(
          id === 'updateCustomer'
            ? { customerId: nobody, customerName: 'N' }
            : id === 'createPrepaidOrder'
              ? { customerId: nobody, amount: 5 }
              : { customerId: nobody, productId: 'p' },
        ),
      });
      expect(res.status, id).toBe(404);
    }
  });
});
