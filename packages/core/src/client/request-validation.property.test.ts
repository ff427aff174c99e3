import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { LIFECYCLE_STAGES } from '../schemas/index.js';
import { type AmberfloClient, createAmberfloClient } from './create-client.js';
import { RequestValidationError } from './error-classes.js';
import { startTestServer } from './test-server.js';

type Body = Record<string, unknown>;
type Mutation = { field: string; apply: (body: Body) => Body };

/** Sets (or with `undefined`, deletes) a dotted path in a copy of the body. */
function at(field: string, value: unknown): Mutation {
  return {
    field,
    apply(body) {
      const copy: Body = structuredClone(body);
      const keys = field.split('.');
      let target = copy;
      for (const key of keys.slice(0, -1)) target = target[key] as Body;
      const last = keys.at(-1)!;
      if (value === undefined) delete target[last];
      else target[last] = value;
      return copy;
    },
  };
}

const notString = fc.oneof(
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.integer()),
  fc.object(),
);
const notNumber = fc.oneof(fc.string(), fc.boolean(), fc.constant(null), fc.array(fc.integer()));
const notBoolean = fc.oneof(fc.string(), fc.integer(), fc.constant(null));
// Not empty: "" is read as "no email" (Customer, the update body); create still refuses it.
const badEmail = fc.string({ minLength: 1 }).filter((s) => !s.includes('@'));
const badStage = fc.string().filter((s) => !(LIFECYCLE_STAGES as readonly string[]).includes(s));
const badCurrency = fc.string().filter((s) => !/^[A-Z]{3}$/.test(s));
const fraction = fc.double({ min: 0.1, max: 1e9, noNaN: true }).filter((n) => !Number.isInteger(n));
const negativeOrFraction = fc.oneof(fc.integer({ max: -1 }), fraction);
const id = fc.string({ minLength: 1, maxLength: 40 });
// `.` and `..` are refused as a customerId (a URL path would drop or climb them): tested below.
const customerIdArb = id.filter((value) => value !== '.' && value !== '..');

const address = fc.record({ line1: id, city: id, country: fc.constantFrom('US', 'DE', 'JP') });
const customerRequest = fc.record({
  customerId: customerIdArb,
  customerName: id,
  customerEmail: fc.constantFrom('billing@acme.com', 'a.b@example.org'),
  lifecycleStage: fc.constantFrom(...LIFECYCLE_STAGES),
  test: fc.boolean(),
  traits: fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), fc.string()),
  address,
});

const customerMutations = (required: readonly string[]) =>
  fc.oneof(
    ...required.map((field) => fc.constant(at(field, undefined))),
    notString.map((v) => at('customerId', v)),
    notString.map((v) => at('customerName', v)),
    badEmail.map((v) => at('customerEmail', v)),
    notString.map((v) => at('customerEmail', v)),
    badStage.map((v) => at('lifecycleStage', v)),
    notBoolean.map((v) => at('test', v)),
    notString.map((v) => at('traits.k', v)),
    fc.constant(at('address.city', undefined)),
    notString.map((v) => at('address.line1', v)),
  );

type Case = {
  name: string;
  valid: fc.Arbitrary<Body>;
  mutations: fc.Arbitrary<Mutation>;
  send: (client: AmberfloClient, body: Body) => Promise<unknown>;
};

const cases: Case[] = [
  {
    name: 'customers.create (CustomerRequest)',
    valid: customerRequest,
    mutations: fc.oneof(
      customerMutations(['customerId', 'customerName']),
      fc.constant(at('customerName', '')),
    ),
    send: (client, body) => client.customers.create(body as never),
  },
  {
    name: 'customers.update (Customer)',
    valid: customerRequest.map((c) => ({ ...c, createTime: 1718153645993 })),
    mutations: fc.oneof(
      customerMutations(['customerId', 'customerName']),
      // The PUT body is the spec's Customer, whose times are any int64: only a fraction is wrong.
      fraction.map((v) => at('createTime', v)),
    ),
    send: (client, body) => client.customers.update(body as never),
  },
  {
    name: 'prepaidOrders.create (PrepaidOrderRequest)',
    valid: fc.record({
      customerId: customerIdArb,
      amount: fc.double({ min: 0.01, max: 1e9, noNaN: true }),
      currency: fc.constantFrom('USD', 'EUR', 'JPY'),
      expirationTime: fc.integer({ min: 0 }),
    }),
    mutations: fc.oneof(
      fc.constant(at('customerId', undefined)),
      fc.constant(at('amount', undefined)),
      notString.map((v) => at('customerId', v)),
      notNumber.map((v) => at('amount', v)),
      fc.double({ max: 0, noNaN: true }).map((v) => at('amount', v)),
      badCurrency.map((v) => at('currency', v)),
      negativeOrFraction.map((v) => at('expirationTime', v)),
    ),
    send: (client, body) => client.prepaidOrders.create(body as never),
  },
  {
    name: 'pricingPlans.assign (PricingPlanAssignmentRequest)',
    valid: fc.record({
      customerId: customerIdArb,
      productId: id,
      startTime: fc.integer({ min: 0 }),
    }),
    mutations: fc.oneof(
      fc.constant(at('customerId', undefined)),
      fc.constant(at('productId', undefined)),
      fc.constant(at('productId', '')),
      notString.map((v) => at('customerId', v)),
      notString.map((v) => at('productId', v)),
      negativeOrFraction.map((v) => at('startTime', v)),
    ),
    send: (client, body) => client.pricingPlans.assign(body as never),
  },
];

describe.each(cases)('$name with a generated bad body', ({ valid, mutations, send }) => {
  test('throws RequestValidationError naming the field, and sends nothing', async () => {
    await using server = await startTestServer([{ status: 500 }]);
    const client = createAmberfloClient({ apiKey: 'property-test-key-0001', baseUrl: server.url });
    await fc.assert(
      fc.asyncProperty(valid, mutations, async (body, mutation) => {
        const error = await send(client, mutation.apply(body)).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(RequestValidationError);
        const { issues, message, status, code } = error as RequestValidationError;
        expect(status).toBeUndefined();
        expect(code).toBe('VALIDATION_FAILED');
        expect(issues?.map((i) => i.path)).toContain(mutation.field);
        expect(message).toContain(mutation.field);
      }),
      { numRuns: 150 },
    );
    expect(server.requests).toHaveLength(0);
  });

  test('the unmutated bodies are valid and do get sent (control)', async () => {
    await using server = await startTestServer([{ status: 200, body: {} }]);
    const client = createAmberfloClient({
      apiKey: 'property-test-key-0001',
      baseUrl: server.url,
      validateResponses: 'off',
    });
    await fc.assert(
      fc.asyncProperty(valid, async (body) => {
        await send(client, body);
      }),
      { numRuns: 10 },
    );
    expect(server.requests).toHaveLength(10);
  });
});

test('a body that is not an object, and bad ids, are refused before sending', async () => {
  await using server = await startTestServer([{ body: {} }]);
  const client = createAmberfloClient({ apiKey: 'property-test-key-0001', baseUrl: server.url });
  for (const body of [null, [], 'customer', 42]) {
    const error = await client.customers.create(body as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestValidationError);
    expect(error).toMatchObject({ method: 'POST', path: '/customers', status: undefined });
    expect((error as RequestValidationError).issues?.[0]?.path).toBe('(body)');
  }
  for (const id of ['', '.', '..']) {
    await expect(client.customers.get(id)).rejects.toBeInstanceOf(RequestValidationError);
    await expect(client.customers.delete(id)).rejects.toBeInstanceOf(RequestValidationError);
  }
  const error = await client.invoices.list({ customerId: '' }).catch((e: unknown) => e);
  expect((error as RequestValidationError).issues?.[0]?.path).toBe('customerId');
  expect(server.requests).toHaveLength(0);
});

test('update: an empty customerId is refused; any record the API may return is sent back', async () => {
  const record = { customerId: 'c'.repeat(300), customerName: 'Jörg', customerEmail: 'a@b' };
  await using server = await startTestServer([{ body: record }]);
  const client = createAmberfloClient({ apiKey: 'property-test-key-0001', baseUrl: server.url });
  const error = await client.customers
    .update({ customerId: '', customerName: 'X' })
    .catch((e: unknown) => e);
  expect(error).toBeInstanceOf(RequestValidationError);
  expect((error as RequestValidationError).issues?.map((i) => i.path)).toEqual(['customerId']);
  // Every problem in one error: the missing name and the empty id together.
  const both = await client.customers.update({ customerId: '' } as never).catch((e: unknown) => e);
  expect((both as RequestValidationError).issues?.map((i) => i.path).sort()).toEqual([
    'customerId',
    'customerName',
  ]);
  expect(server.requests).toHaveLength(0);
  // Spec-valid but beyond what create allows: a 300-character id, a dotless domain.
  expect(await client.customers.update(record)).toMatchObject(record);
  expect(server.requests).toHaveLength(1);
});

test('a long id read from the API can be fetched, deleted and used for invoices', async () => {
  const id = 'c'.repeat(300);
  await using server = await startTestServer([
    { body: { customerId: id, customerName: 'Long' } },
    { body: [] },
    { body: { customerId: id, customerName: 'Long' } },
  ]);
  const client = createAmberfloClient({ apiKey: 'property-test-key-0001', baseUrl: server.url });
  expect((await client.customers.get(id)).customerId).toBe(id);
  expect(await client.invoices.list({ customerId: id })).toEqual([]);
  await client.customers.delete(id);
  expect(server.requests).toHaveLength(3);
  expect(server.requests[0]!.url).toContain(id);
});

test('a bad path id is reported as customerId, not (body)', async () => {
  await using server = await startTestServer([{ body: {} }]);
  const client = createAmberfloClient({ apiKey: 'property-test-key-0001', baseUrl: server.url });
  for (const id of ['', '.', '..']) {
    for (const call of [client.customers.get, client.customers.delete]) {
      const error = (await call(id).catch((e: unknown) => e)) as RequestValidationError;
      expect(error).toBeInstanceOf(RequestValidationError);
      expect(error.issues?.map((i) => i.path)).toEqual(['customerId']);
      expect(error.message).toContain('(customerId: ');
      expect(error.message).not.toContain('(body)');
    }
  }
  expect(server.requests).toHaveLength(0);
});

test('"." and ".." are refused in a body (they could never be read back by path), not in a query', async () => {
  await using server = await startTestServer([{ body: [] }, { body: [] }]);
  const client = createAmberfloClient({ apiKey: 'property-test-key-0001', baseUrl: server.url });
  for (const id of ['.', '..']) {
    for (const call of [
      () => client.customers.create({ customerId: id, customerName: 'C' }),
      () => client.prepaidOrders.create({ customerId: id, amount: 5 }),
      () => client.pricingPlans.assign({ customerId: id, productId: 'p' }),
    ]) {
      const error = (await call().catch((e: unknown) => e)) as RequestValidationError;
      expect(error).toBeInstanceOf(RequestValidationError);
      expect(error.issues).toEqual([
        { path: 'customerId', message: expect.stringMatching(/must not be "\." or "\.\."/) },
      ]);
    }
  }
  expect(server.requests).toHaveLength(0);
  // A query is never rewritten: an id another tool created can still be asked about.
  expect(await client.invoices.list({ customerId: '..' })).toEqual([]);
  expect(await client.invoices.list({ customerId: '.' })).toEqual([]);
  expect(
    server.requests.map((r) => new URL(r.url, 'http://x').searchParams.get('customerId')),
  ).toEqual(['..', '.']);
});

describe('a customerId that is not well-formed UTF-16 (a lone surrogate)', () => {
  const ids = ['cust-\ud800', '\udc00', 'a\ud83d', 'b\ude00c'];
  const calls: Array<[string, (client: AmberfloClient, id: string) => Promise<unknown>]> = [
    ['customers.get', (c, id) => c.customers.get(id)],
    ['customers.delete', (c, id) => c.customers.delete(id)],
    ['invoices.list', (c, id) => c.invoices.list({ customerId: id })],
    ['customers.create', (c, id) => c.customers.create({ customerId: id, customerName: 'C' })],
    ['customers.update', (c, id) => c.customers.update({ customerId: id, customerName: 'C' })],
    ['prepaidOrders.create', (c, id) => c.prepaidOrders.create({ customerId: id, amount: 5 })],
    ['pricingPlans.assign', (c, id) => c.pricingPlans.assign({ customerId: id, productId: 'p' })],
  ];

  test.each(calls)('%s refuses it, naming customerId, and sends nothing', async (_name, call) => {
    await using server = await startTestServer([{ body: {} }]);
    const client = createAmberfloClient({ apiKey: 'k', baseUrl: server.url });
    for (const id of ids) {
      const error = (await call(client, id).catch((e: unknown) => e)) as RequestValidationError;
      expect(error).toBeInstanceOf(RequestValidationError);
      expect(error.issues).toEqual([
        { path: 'customerId', message: expect.stringMatching(/well-formed/) },
      ]);
      expect(error.message).toContain('customerId: ');
    }
    expect(server.requests).toHaveLength(0);
  });

  test('an astral character (a surrogate pair) is fine and sent as UTF-8 (control)', async () => {
    await using server = await startTestServer([{ body: [] }]);
    const client = createAmberfloClient({ apiKey: 'k', baseUrl: server.url });
    await client.invoices.list({ customerId: 'cust-😀' });
    await client.customers.delete('cust-😀');
    expect(server.requests[0]?.query.get('customerId')).toBe('cust-😀');
    expect(server.requests[1]?.url).toBe('/customers/cust-%F0%9F%98%80');
  });
});
