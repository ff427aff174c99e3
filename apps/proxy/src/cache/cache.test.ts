import { describe, expect, test } from 'vitest';
import { createStack, type Stack } from '../test/harness.js';
import { until } from '../test/poll.js';

const ACME = '/customers/customer-123456';
const INVOICES = '/payments-billing-customer-product-invoice?customerId=customer-123456';
const upstreamHits = (stack: Stack, path: string) =>
  stack.emulator.requests().filter((r) => r.method === 'GET' && r.path === path.split('?')[0])
    .length;
const json = (body: unknown, method = 'POST'): RequestInit => ({
  method,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

function clocked() {
  const clock = { now: Date.parse('2026-01-01T00:00:00Z') };
  return { clock, options: { proxy: { clock: () => clock.now } } };
}

describe('cached reads', () => {
  test('MISS then HIT with Age; one upstream request', async () => {
    const { clock, options } = clocked();
    await using stack = await createStack(options);
    const first = await stack.call(ACME);
    expect(first.headers.get('x-cache')).toBe('MISS');
    expect(first.headers.get('age')).toBe('0');
    clock.now += 4_000;
    const second = await stack.call(ACME);
    expect(second.headers.get('x-cache')).toBe('HIT');
    expect(second.headers.get('age')).toBe('4');
    expect(await second.json()).toEqual(await first.json());
    expect(upstreamHits(stack, ACME)).toBe(1);
  });

  test('after the TTL, within stale-while-revalidate: STALE now, one refresh, then HIT with new data', async () => {
    const { clock, options } = clocked();
    await using stack = await createStack(options);
    await stack.call(ACME);
    stack.emulator.load('emulator-secret-key-0123456789', {
      customers: [{ customerId: 'customer-123456', customerName: 'Acme Renamed' }],
    });
    clock.now += 31_000; // customer TTL 30 s, SWR 30 s
    const stale = await stack.call(ACME);
    expect(stale.headers.get('x-cache')).toBe('STALE');
    expect(stale.headers.get('age')).toBe('31');
    expect(await stale.json()).toMatchObject({ customerName: 'Acme Corp' });
    await until(
      () => (upstreamHits(stack, ACME) === 2 ? true : undefined),
      'the background refresh',
    );
    const fresh = await until(async () => {
      const res = await stack.call(ACME);
      return res.headers.get('x-cache') === 'HIT' ? res : undefined;
    }, 'the refreshed entry');
    expect(await fresh.json()).toMatchObject({ customerName: 'Acme Renamed' });
    expect(upstreamHits(stack, ACME)).toBe(2);
  });

  test('past the stale-while-revalidate window the entry is fetched again (MISS)', async () => {
    const { clock, options } = clocked();
    await using stack = await createStack(options);
    await stack.call(ACME);
    clock.now += 61_000;
    expect((await stack.call(ACME)).headers.get('x-cache')).toBe('MISS');
    expect(upstreamHits(stack, ACME)).toBe(2);
  });

  test('Cache-Control: no-cache bypasses and refreshes the entry for everyone', async () => {
    await using stack = await createStack();
    await stack.call(ACME);
    stack.emulator.load('emulator-secret-key-0123456789', {
      customers: [{ customerId: 'customer-123456', customerName: 'Fresh Name' }],
    });
    expect(await (await stack.call(ACME)).json()).toMatchObject({ customerName: 'Acme Corp' });
    const bypass = await stack.call(ACME, { headers: { 'cache-control': 'no-cache' } });
    expect(bypass.headers.get('x-cache')).toBe('BYPASS');
    expect(bypass.headers.get('age')).toBe('0');
    expect(await bypass.json()).toMatchObject({ customerName: 'Fresh Name' });
    const after = await stack.call(ACME);
    expect(after.headers.get('x-cache')).toBe('HIT');
    expect(await after.json()).toMatchObject({ customerName: 'Fresh Name' });
  });

  test('cache off: every GET is BYPASS and reaches upstream', async () => {
    await using stack = await createStack({ proxy: { cache: { enabled: false } } });
    for (let i = 0; i < 3; i++)
      expect((await stack.call(ACME)).headers.get('x-cache')).toBe('BYPASS');
    expect(upstreamHits(stack, ACME)).toBe(3);
  });

  test('an upstream failure is still BYPASS when not cached (no-cache, cache off), else MISS: header, log line, metrics', async () => {
    const cacheCount = async (stack: Stack, result: string) => {
      const text = await (await stack.proxy.app.request('/metrics')).text();
      return Number(
        new RegExp(`amberkit_proxy_cache_total\\{result="${result}"\\} (\\d+)`).exec(text)?.[1],
      );
    };
    const failing = (stack: Stack) =>
      stack.emulator.setFaults([{ path: '/customers', status: 503 }]);
    for (const [name, options, init, expected] of [
      ['cache off', { proxy: { cache: { enabled: false } } }, {}, 'BYPASS'],
      ['no-cache', {}, { headers: { 'cache-control': 'no-cache' } }, 'BYPASS'],
      ['cold entry', {}, {}, 'MISS'],
    ] as const) {
      await using stack = await createStack(options);
      failing(stack);
      stack.lines.length = 0;
      const before = await cacheCount(stack, expected.toLowerCase());
      const res = await stack.call(ACME, init);
      expect(res.status, name).toBe(502);
      expect(res.headers.get('x-cache'), name).toBe(expected);
      const line = stack.lines.map((l) => JSON.parse(l)).find((l) => l.route === 'getCustomerById');
      expect(line?.cache, name).toBe(expected);
      expect(await cacheCount(stack, expected.toLowerCase()), name).toBe(before + 1);
      // And a success counts the same way.
      stack.emulator.setFaults([]);
      expect((await stack.call(ACME, init)).headers.get('x-cache'), name).toBe(expected);
      expect(await cacheCount(stack, expected.toLowerCase()), name).toBe(before + 2);
    }
  });

  test('upstream 404 passes through and is not cached', async () => {
    await using stack = await createStack();
    for (let i = 0; i < 2; i++) {
      const res = await stack.call('/customers/nobody');
      expect(res.status).toBe(404);
      expect(res.headers.get('x-cache')).toBe('MISS');
      expect(await res.json()).toMatchObject({ code: 'NOT_FOUND' });
    }
    expect(upstreamHits(stack, '/customers/nobody')).toBe(2);
  });

  test('HEAD on a cached route answers headers only', async () => {
    await using stack = await createStack();
    await stack.call(ACME);
    const head = await stack.call(ACME, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('x-cache')).toBe('HIT');
    expect(await head.text()).toBe('');
  });
});

describe('writes invalidate before they answer', () => {
  test('create, update and delete: the next reads see the change', async () => {
    await using stack = await createStack();
    // Prime list and entry.
    await stack.call('/customers');
    await stack.call(ACME);
    expect((await stack.call(ACME)).headers.get('x-cache')).toBe('HIT');

    await stack.call('/customers', json({ customerId: 'raw-1', customerName: 'Raw One' }));
    const list = (await (await stack.call('/customers')).json()) as Array<{ customerId: string }>;
    expect(list.map((c) => c.customerId)).toContain('raw-1');
    expect((await stack.call('/customers/raw-1')).status).toBe(200);

    await stack.call(
      '/customers',
      json({ customerId: 'customer-123456', customerName: 'Acme Updated' }, 'PUT'),
    );
    expect(await (await stack.call(ACME)).json()).toMatchObject({ customerName: 'Acme Updated' });
    const listAfterUpdate = (await (await stack.call('/customers')).json()) as Array<{
      customerId: string;
      customerName: string;
    }>;
    expect(listAfterUpdate.find((c) => c.customerId === 'customer-123456')?.customerName).toBe(
      'Acme Updated',
    );

    expect((await stack.call('/customers/raw-1')).headers.get('x-cache')).toBe('HIT');
    expect((await stack.call('/customers/raw-1', { method: 'DELETE' })).status).toBe(200);
    expect((await stack.call('/customers/raw-1')).status).toBe(404);
    const listAfterDelete = (await (await stack.call('/customers')).json()) as Array<{
      customerId: string;
    }>;
    expect(listAfterDelete.map((c) => c.customerId)).not.toContain('raw-1');
  });

  test.each([
    [
      'prepaid order',
      '/payments-pricing-amberflo-customer-prepaid',
      { customerId: 'customer-123456', amount: 10 },
    ],
    [
      'plan assignment',
      '/payments-pricing-amberflo-customer-pricing',
      { customerId: 'customer-123456', productId: 'plan-x' },
    ],
  ])('a %s sends the next invoices GET upstream', async (_, path, body) => {
    await using stack = await createStack();
    await stack.call(INVOICES);
    expect((await stack.call(INVOICES)).headers.get('x-cache')).toBe('HIT');
    expect(upstreamHits(stack, INVOICES)).toBe(1);
    expect((await stack.call(path, json(body))).status).toBe(200);
    const next = await stack.call(INVOICES);
    expect(next.headers.get('x-cache')).toBe('MISS');
    expect(upstreamHits(stack, INVOICES)).toBe(2);
  });

  test('a read in flight during a write does not store its older answer', async () => {
    let hold: Promise<void> | undefined;
    let release!: () => void;
    await using inner = await createStack();
    await using stack = await createStack({
      proxy: {
        fetch: async (request) => {
          const response = await inner.emulator.fetch(request);
          if (request.method === 'GET' && hold) await hold;
          return response;
        },
      },
    });
    hold = new Promise((resolve) => {
      release = resolve;
    });
    const slowRead = stack.call(ACME);
    await until(
      () => (inner.emulator.requests().some((r) => r.path === ACME) ? true : undefined),
      'the read to reach upstream',
    );
    hold = undefined;
    const put = await stack.call(
      '/customers',
      json({ customerId: 'customer-123456', customerName: 'After Write' }, 'PUT'),
    );
    expect(put.status).toBe(200);
    release();
    expect(await (await slowRead).json()).toMatchObject({ customerName: 'Acme Corp' });
    const next = await stack.call(ACME);
    expect(await next.json()).toMatchObject({ customerName: 'After Write' });
  });
});
