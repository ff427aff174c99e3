import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import * as z from 'zod/mini';
import { parseCustomerList, parseInvoiceList } from './compiled-parsers.generated.js';
import { Customer, CustomerRequest } from './customer.js';
import { INVOICE_STATUSES } from './invoice.js';
import { LIFECYCLE_STAGES } from './lifecycle-stage.js';
import { CustomerList, InvoiceList, LIST_SCHEMAS } from './lists.js';
import { generateParsersModule } from './parser-codegen.js';

const customer = {
  customerId: 'customer-1',
  customerName: 'Acme Corp',
  customerEmail: 'billing@acme.com',
  description: 'Enterprise account',
  lifecycleStage: 'TRIAL',
  test: false,
  enabled: true,
  createTime: 1718153645993,
  updateTime: 1718153645993,
  traits: { tier: 'pro', crmId: 'crm-1' },
  address: { line1: '1 Main St', city: 'Berlin', country: 'DE', verified: true, floor: 3 },
  upstreamOnly: { nested: [1, 2] },
};
const invoice = {
  invoiceId: 'inv-1',
  customerId: 'customer-1',
  startTime: 1718100000,
  endTime: 1718186400,
  totalAmount: 99.5,
  currency: 'USD',
  status: 'PAID',
  lines: [],
};

/** Sets (or with `undefined`, deletes) a dotted path in a copy of `value`. */
function withField(value: object, path: string, next: unknown): unknown {
  const copy = structuredClone(value) as Record<string, unknown>;
  const keys = path.split('.');
  let target = copy;
  for (const key of keys.slice(0, -1)) target = target[key] as Record<string, unknown>;
  if (next === undefined) delete target[keys.at(-1)!];
  else target[keys.at(-1)!] = next;
  return copy;
}

/** Same verdict, same data (key order included), same issues as zod's runtime parser. */
function expectSameAsRuntime(compiled: z.ZodMiniType, runtime: z.ZodMiniType, input: unknown) {
  const fast = compiled.safeParse(input);
  const slow = runtime.safeParse(input);
  expect(fast.success).toBe(slow.success);
  if (fast.success && slow.success) {
    expect(JSON.stringify(fast.data)).toBe(JSON.stringify(slow.data));
    expect(fast.data).toStrictEqual(slow.data);
  } else {
    expect(fast.error?.issues).toStrictEqual(slow.error?.issues);
  }
}

describe('compiled list parsers', () => {
  test('the checked-in module is what zod compiles from the schemas today', async () => {
    await expect(generateParsersModule(LIST_SCHEMAS)).toMatchFileSnapshot(
      './compiled-parsers.generated.ts',
    );
  });

  test('the compiled parser itself accepts valid lists and builds fresh objects', () => {
    const input = [customer, { customerId: 'c-2', customerName: '' }];
    const out = parseCustomerList(input);
    expect(out).not.toBe(z.INVALID);
    expect(out).toStrictEqual(LIST_SCHEMAS.CustomerList.parse(input));
    expect((out as unknown[])[0]).not.toBe(customer);
    expect(parseInvoiceList([invoice])).toStrictEqual(LIST_SCHEMAS.InvoiceList.parse([invoice]));
  });

  const badCustomers: Array<[string, unknown]> = [
    ['customerId', undefined],
    ['customerId', 5],
    ['customerId', null],
    ['customerName', 5],
    ['customerEmail', 'not-an-email'],
    ['createTime', 1.5],
    ['createTime', Number.MAX_SAFE_INTEGER + 2],
    ['updateTime', '1718153645993'],
    ['deactivateTimeStamp', Number.NaN],
    ['lifecycleStage', 'trial'],
    ['test', 'false'],
    ['enabled', null],
    ['traits', { tier: 1 }],
    ['traits', ['a']],
    ['address', 'Berlin'],
    ['address.city', undefined],
    ['address.line1', 42],
    ['address.verified', 'yes'],
  ];
  test.each(badCustomers)(
    'rejects a bad %s (case %#) exactly as the runtime does',
    (path, value) => {
      const input = [customer, withField(customer, path, value)];
      expect(parseCustomerList(input)).toBe(z.INVALID);
      expect(CustomerList.safeParse(input).success).toBe(false);
      expectSameAsRuntime(CustomerList, LIST_SCHEMAS.CustomerList, input);
    },
  );

  // The spec sets no length or range: a response with these is valid and must read.
  const specValidCustomers: Array<[string, unknown]> = [
    ['customerId', ''],
    ['customerId', 'x'.repeat(257)],
    ['createTime', 0],
    ['createTime', -1],
    ['address.line1', ''],
    ['address.city', ''],
  ];
  test.each(specValidCustomers)(
    'accepts a spec-valid %s (case %#) as the runtime does',
    (path, value) => {
      const input = [customer, withField(customer, path, value)];
      expect(parseCustomerList(input)).not.toBe(z.INVALID);
      expect(CustomerList.parse(input)).toStrictEqual(input);
      expectSameAsRuntime(CustomerList, LIST_SCHEMAS.CustomerList, input);
    },
  );

  test.each([
    ['status', 'OPEN'],
    ['startTime', 1.5],
    ['totalAmount', '99.5'],
  ])('rejects an invoice with a bad %s as the runtime does', (path, value) => {
    const input = [withField(invoice, path, value)];
    expect(parseInvoiceList(input)).toBe(z.INVALID);
    expectSameAsRuntime(InvoiceList, LIST_SCHEMAS.InvoiceList, input);
  });

  test('treats an own __proto__ key (JSON.parse makes one) as the runtime does', () => {
    const input = JSON.parse(
      '[{"customerId":"a","customerName":"b","__proto__":{"x":1},"traits":{"__proto__":"y","k":"v"}}]',
    );
    expect(parseCustomerList(input)).not.toBe(z.INVALID);
    expectSameAsRuntime(CustomerList, LIST_SCHEMAS.CustomerList, input);
  });

  test('agrees with the runtime on generated customers, valid or not', () => {
    const anything = fc.oneof(
      fc.string(),
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
    );
    const generated = fc.record(
      {
        // Empty, long, and strings of surrogate pairs and lone surrogates (a response id has
        // no length bound; the 250–260 range keeps the old 256 limit covered should it return).
        customerId: fc.oneof(
          fc.string({ maxLength: 300 }),
          fc.string({ unit: 'binary', maxLength: 2 }),
          fc.string({ unit: 'binary', minLength: 250, maxLength: 260 }),
          anything,
        ),
        customerName: fc.oneof(fc.string(), anything),
        customerEmail: fc.oneof(fc.emailAddress(), fc.string(), anything),
        lifecycleStage: fc.oneof(fc.constantFrom(...LIFECYCLE_STAGES), anything),
        createTime: fc.oneof(fc.nat(), fc.integer(), anything),
        test: fc.oneof(fc.boolean(), anything),
        traits: fc.oneof(
          fc.dictionary(fc.string(), fc.string()),
          fc.dictionary(fc.string(), anything),
        ),
        address: fc.oneof(
          fc.record(
            { line1: fc.string(), city: fc.string(), country: fc.string(), state: anything },
            { requiredKeys: [] },
          ),
          anything,
        ),
        extra: anything,
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.array(generated, { maxLength: 4 }), (list) => {
        expectSameAsRuntime(CustomerList, LIST_SCHEMAS.CustomerList, list);
      }),
      { numRuns: 500 },
    );
  });

  test('needs no code generation at run time (Workers, jitless)', () => {
    const real = globalThis.Function;
    const before = z.config().jitless;
    // What Cloudflare Workers do: any `new Function` throws.
    globalThis.Function = function refused() {
      throw new EvalError('Code generation from strings disallowed for this context');
    } as unknown as FunctionConstructor;
    z.config({ jitless: true });
    try {
      const input = [customer, customer];
      expect(parseCustomerList(input)).toStrictEqual(LIST_SCHEMAS.CustomerList.parse(input));
      expect(CustomerList.safeParse(input).success).toBe(true);
      const bad = [withField(customer, 'customerEmail', 'nope')];
      expect(CustomerList.safeParse(bad).error?.issues[0]?.path).toEqual([0, 'customerEmail']);
    } finally {
      globalThis.Function = real;
      z.config({ jitless: before });
    }
  });

  test('invoice statuses and the list schemas stay what the spec says', () => {
    expect(CustomerList).toBeInstanceOf(z.ZodMiniArray);
    expect(InvoiceList.def.element).toBe(LIST_SCHEMAS.InvoiceList.def.element);
    for (const status of INVOICE_STATUSES) {
      expect(parseInvoiceList([{ ...invoice, status }])).not.toBe(z.INVALID);
    }
  });
});

describe('customer email', () => {
  test('read: any address with one @ between non-blank parts; sent: a dotted ASCII domain', () => {
    const long = `${'l'.repeat(100)}@example.com`; // accepted when sent, so it must read back
    expect(
      z.safeParse(CustomerRequest, { customerId: 'c', customerName: 'C', customerEmail: long })
        .success,
    ).toBe(true);
    for (const customerEmail of ['a@b', 'jürgen@exämple.de', 'billing@acme.com', long]) {
      const read = { customerId: 'c', customerName: 'C', customerEmail };
      expect(z.safeParse(Customer, read).success, customerEmail).toBe(true);
      expect(parseCustomerList([read]), customerEmail).not.toBe(z.INVALID);
    }
    for (const customerEmail of ['no-at-sign', 'a b@c.d', '@acme.com']) {
      const read = { customerId: 'c', customerName: 'C', customerEmail };
      expect(z.safeParse(Customer, read).success, customerEmail).toBe(false);
      expect(parseCustomerList([read]), customerEmail).toBe(z.INVALID);
    }
    expect(
      z.safeParse(CustomerRequest, { customerId: 'c', customerName: 'C', customerEmail: 'a@b' })
        .success,
    ).toBe(false);
  });
});
