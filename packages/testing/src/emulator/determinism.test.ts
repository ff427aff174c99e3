import { describe, expect, test } from 'vitest';
import { createEmulator } from './create-emulator.js';
import { KEY, steppingClock } from './test-support.js';

const SCRIPT: Array<[string, string, unknown?]> = [
  ['GET', '/customers'],
  ['POST', '/customers', { customerId: 'c-1', customerName: 'One' }],
  ['PUT', '/customers', { customerId: 'c-1', customerName: 'Uno' }],
  ['POST', '/payments-pricing-amberflo-customer-prepaid', { customerId: 'c-1', amount: 12.5 }],
  [
    'POST',
    '/payments-pricing-amberflo-customer-pricing',
    { customerId: 'c-1', productId: 'plan-growth' },
  ],
  ['GET', '/customers/c-1'],
  ['GET', '/customers/missing'],
  ['POST', '/customers', { customerId: '' }],
  ['DELETE', '/customers/c-1'],
  ['GET', '/payments-billing-customer-product-invoice?customerId=demo-00002'],
];

async function run(seed: number, options: { idGenerator?: (p: string) => string } = {}) {
  const emulator = createEmulator({
    accounts: [KEY],
    seed,
    clock: steppingClock(),
    faults: [{ rate: 0.3, status: 503 }],
    ...options,
  });
  const out: Array<{ status: number; headers: Array<[string, string]>; body: string }> = [];
  for (const [method, path, json] of SCRIPT) {
    const res = await emulator.fetch(path, {
      method,
      headers: { 'x-api-key': KEY, 'content-type': 'application/json' },
      ...(json === undefined ? {} : { body: JSON.stringify(json) }),
    });
    out.push({ status: res.status, headers: [...res.headers.entries()], body: await res.text() });
  }
  return { out, log: emulator.requests() };
}

describe('determinism', () => {
  test('two runs with the same seed and calls give identical responses, ids and log', async () => {
    const a = await run(12);
    const b = await run(12);
    expect(b).toEqual(a);
    expect(a.out.some((r) => r.status === 503)).toBe(true);
    expect(a.out.some((r) => r.status === 200)).toBe(true);
  });

  test('a different seed gives different ids', async () => {
    const a = await run(12);
    const c = await run(13);
    expect(c.out.map((r) => r.headers)).not.toEqual(a.out.map((r) => r.headers));
  });

  test('an injected id generator names request ids and order ids', async () => {
    let n = 0;
    const emulator = createEmulator({
      accounts: [KEY],
      idGenerator: (prefix) => `${prefix}_${++n}`,
    });
    const res = await emulator.fetch('/payments-pricing-amberflo-customer-prepaid', {
      method: 'POST',
      headers: { 'x-api-key': KEY, 'content-type': 'application/json' },
      body: JSON.stringify({ customerId: 'customer-123456', amount: 5 }),
    });
    expect(res.headers.get('x-request-id')).toBe('req_1');
    expect(await res.json()).toMatchObject({ orderId: 'order_2' });
  });
  test('over TCP too: same status, body and request id for every call', async () => {
    const overTcp = async () => {
      const emulator = createEmulator({
        accounts: [KEY],
        seed: 12,
        clock: steppingClock(),
        faults: [{ rate: 0.3, status: 503 }],
      });
      await using server = await emulator.listen();
      const out: Array<[number, string | null, string]> = [];
      for (const [method, path, json] of SCRIPT) {
        const res = await fetch(`${server.url}${path}`, {
          method,
          headers: { 'x-api-key': KEY, 'content-type': 'application/json' },
          ...(json === undefined ? {} : { body: JSON.stringify(json) }),
        });
        out.push([res.status, res.headers.get('x-request-id'), await res.text()]);
      }
      return out;
    };
    const a = await overTcp();
    expect(await overTcp()).toEqual(a);
    const inProcess = await run(12);
    expect(a).toEqual(
      inProcess.out.map((r) => [r.status, new Headers(r.headers).get('x-request-id'), r.body]),
    );
  });
});
