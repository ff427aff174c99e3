import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { InvoiceStatus } from '@amberkit/core/schemas';
import { buildCustomer } from '@amberkit/testing';
import { describe, expect, test } from 'vitest';
import { API_KEY, sharedEmulatorEnv, writeRequests } from './test-support/emulator-env.js';
import { runCli } from './test-support/run-cli.js';
import { tempDir } from './test-support/temp-dir.js';

const shared = sharedEmulatorEnv();

const cli = (args: string[], options: { input?: string; env?: Record<string, string> } = {}) =>
  runCli(args, { ...options, env: { ...shared().env, ...options.env } });
const writes = () => writeRequests(shared().emulator);

describe('amberkit invoices / prepaid / plans (as a process)', () => {
  test('invoices list --json is the customer’s invoices; the table totals per currency', async () => {
    const json = await cli(['invoices', 'list', '--customer', 'customer-123456', '--json']);
    expect(json.code).toBe(0);
    const expected = shared()
      .emulator.snapshot()
      .invoices.filter((invoice) => invoice.customerId === 'customer-123456');
    expect(JSON.parse(json.stdout)).toEqual(expected);
    expect(expected.map((invoice) => invoice.invoiceId)).toContain('inv-500123');

    const human = await cli(['invoices', 'list', '--customer', 'customer-123456']);
    expect(human.stdout).toMatch(/^INVOICE\s+PERIOD\s+AMOUNT\s+STATUS$/m);
    expect(human.stdout).toMatch(/inv-500123 .*99\.50 .*PAID/);
    expect(human.stdout).toMatch(/^Total USD \(excluding VOID\): .*99\.50$/m);
  });

  test('an invoice period bound of 0 or in milliseconds is ?, as in the UI', async () => {
    shared().emulator.load(API_KEY, {
      customers: [buildCustomer({ customerId: 'cust-odd' })],
      invoices: [
        { invoiceId: 'inv-zero', customerId: 'cust-odd', startTime: 0, endTime: 1_738_368_000 },
        { invoiceId: 'inv-ms', customerId: 'cust-odd', startTime: 1_735_689_600_000 },
      ],
    });
    const result = await cli(['invoices', 'list', '--customer', 'cust-odd'], {
      env: { TZ: 'UTC' },
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^inv-zero +\? – Feb 1, 2025 /m);
    expect(result.stdout).toMatch(/^inv-ms +\? – \? /m);
  });

  test('invoices list totals leave VOID invoices out and show them apart, exactly', async () => {
    const invoice = (
      invoiceId: string,
      totalAmount: number,
      currency: string,
      status: InvoiceStatus,
    ) => ({
      invoiceId,
      customerId: 'cust-void',
      startTime: 1_735_689_600,
      endTime: 1_738_368_000,
      totalAmount,
      currency,
      status,
    });
    shared().emulator.load(API_KEY, {
      customers: [buildCustomer({ customerId: 'cust-void' })],
      invoices: [
        invoice('inv-1', 0.1, 'USD', 'PAID'),
        invoice('inv-2', 0.2, 'USD', 'PENDING'),
        invoice('inv-3', 1000, 'USD', 'VOID'),
        invoice('inv-4', 5, 'EUR', 'VOID'),
      ],
    });
    const human = await cli(['invoices', 'list', '--customer', 'cust-void']);
    expect(human.code).toBe(0);
    // 0.1 + 0.2 summed as money, and the VOID 1,000 USD left out of it.
    expect(human.stdout).toMatch(/^Total USD \(excluding VOID\): \$0\.30$/m);
    expect(human.stdout).toMatch(/^VOID USD \(not in the total\): \$1,000\.00$/m);
    expect(human.stdout).toMatch(/^VOID EUR \(not in the total\): €5\.00$/m);
    expect(human.stdout).not.toMatch(/^Total EUR/m);
  });

  test('invoices list needs --customer (exit 2)', async () => {
    const result = await cli(['invoices', 'list']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--customer ID is required');
  });

  test('prepaid create parses the amount exactly for the currency and the date as ms', async () => {
    const result = await cli([
      'prepaid',
      'create',
      '--customer',
      'customer-123456',
      '--amount',
      '1,234.56',
      '--currency',
      'eur',
      '--expires',
      '2097-01-01',
      '--json',
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const order = JSON.parse(result.stdout);
    expect(order).toMatchObject({
      customerId: 'customer-123456',
      amount: 1234.56,
      currency: 'EUR',
      expirationTime: Date.UTC(2097, 0, 1),
    });
    expect(shared().emulator.snapshot().prepaidOrders).toContainEqual(order);
  });

  test('prepaid amounts and dates that do not parse are usage errors; nothing is sent', async () => {
    const base = ['prepaid', 'create', '--customer', 'customer-123456'];
    const cents = await cli([...base, '--amount', '10.001']);
    expect(cents.code).toBe(2);
    expect(cents.stderr).toMatch(/^amberkit: --amount: /);
    const yen = await cli([...base, '--amount', '10.5', '--currency', 'JPY']);
    expect(yen.code).toBe(2);
    const date = await cli([...base, '--amount', '10', '--expires', 'next tuesday']);
    expect(date.code).toBe(2);
    expect(date.stderr).toMatch(/^amberkit: --expires: /);
    const missing = await cli(['prepaid', 'create', '--customer', 'customer-123456']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('amount (--amount)');
    expect(writes()).toEqual([]);
  });

  test('an expiry in the past is refused before sending (exit 2) unless --allow-past', async () => {
    const base = ['prepaid', 'create', '--customer', 'customer-123456', '--amount', '10'];
    const past = await cli([...base, '--expires', '2020-01-01'], { env: { TZ: 'UTC' } });
    expect(past.code).toBe(2);
    expect(past.stderr).toBe(
      'amberkit: --expires: 2020-01-01 is in the past (Jan 1, 2020, 12:00 AM UTC): an order that has already expired gives no credit; pass --allow-past to create it anyway\n',
    );
    const epoch = await cli([...base, '--expires', '1970-01-01']);
    expect(epoch.code).toBe(2);
    expect(epoch.stderr).toMatch(/^amberkit: --expires: 1970-01-01 is in the past/);
    // Even allowed, 1970 is no plausible time: refused here, not by the server, and named as
    // the date typed (not as the milliseconds it became).
    for (const typed of ['1970-01-01', '1970-01-02', '1999-12-31']) {
      const allowed = await cli([...base, '--expires', typed, '--allow-past'], {
        env: { TZ: 'UTC' },
      });
      expect(allowed.code).toBe(2);
      expect(allowed.stderr).toMatch(
        new RegExp(
          `^amberkit: --expires: ${typed} is ${typed} 00:00 UTC: must be on or after 2000-01-01 00:00 UTC\n$`,
        ),
      );
    }
    const epochAllowed = await cli([...base, '--expires', '1970-01-01', '--allow-past'], {
      env: { TZ: 'UTC' },
    });
    expect(epochAllowed.stderr).toBe(
      'amberkit: --expires: 1970-01-01 is 1970-01-01 00:00 UTC: must be on or after 2000-01-01 00:00 UTC\n',
    );
    // So is a year after 2199, past or not.
    const late = await cli([...base, '--expires', '2300-01-01']);
    expect(late.code).toBe(2);
    expect(late.stderr).toMatch(
      /^amberkit: --expires: 2300-01-01 is 2300-01-0\d \d\d:00 UTC: must be before 2200-01-01 00:00 UTC\n$/,
    );
    // In a body, a time in seconds is named as such; a past one is refused like the flag.
    const seconds = await cli(['prepaid', 'create', '--body', '-'], {
      input: JSON.stringify({
        customerId: 'customer-123456',
        amount: 5,
        expirationTime: 4_000_000_000,
      }),
    });
    expect(seconds.code).toBe(2);
    expect(seconds.stderr).toMatch(
      /^amberkit: expirationTime \(--body\) 4000000000 looks like Unix seconds/,
    );
    const pastBody = await cli(['prepaid', 'create', '--body', '-'], {
      input: JSON.stringify({
        customerId: 'customer-123456',
        amount: 5,
        expirationTime: Date.UTC(2020, 0, 1),
      }),
    });
    expect(pastBody.code).toBe(2);
    expect(pastBody.stderr).toMatch(
      /^amberkit: expirationTime \(--body\): 1577836800000 is in the past/,
    );
    expect(writes()).toEqual([]);
    const allowed = await cli([...base, '--expires', '2020-01-01', '--allow-past', '--json'], {
      env: { TZ: 'UTC' },
    });
    expect(allowed.code).toBe(0);
    expect(JSON.parse(allowed.stdout)).toMatchObject({ expirationTime: Date.UTC(2020, 0, 1) });
  });

  test('currency and body errors name what was wrong: --currency, or the field of --body', async () => {
    const base = ['prepaid', 'create', '--customer', 'customer-123456', '--amount', '5'];
    const unknown = await cli([...base, '--currency', 'XYZ']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe(
      "amberkit: --currency: unknown currency 'XYZ' (use an ISO 4217 code such as USD, EUR, JPY)\n",
    );
    const empty = await cli([...base, '--currency', '']);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/^amberkit: --currency: must not be empty/);
    const stringAmount = await cli(['prepaid', 'create', '--body', '-'], {
      input: JSON.stringify({ customerId: 'customer-123456', amount: '5' }),
    });
    expect(stringAmount.code).toBe(2);
    expect(stringAmount.stderr).toMatch(/^amberkit: invalid input: amount \(--body\): /);
    const bodyCurrency = await cli(['prepaid', 'create', '--body', '-'], {
      input: JSON.stringify({ customerId: 'customer-123456', amount: 5, currency: 'XYZ' }),
    });
    expect(bodyCurrency.stderr).toMatch(/^amberkit: currency \(--body\): unknown currency 'XYZ'/);
    expect(writes()).toEqual([]);
  });

  test('a flag value starting with - is a one-line usage error that says how to write it', async () => {
    const result = await cli(['prepaid', 'create', '--customer', 'c', '--amount', '-5']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^amberkit: option '--amount' needs a value; write --amount=VALUE/,
    );
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(writes()).toEqual([]);
  });

  test('prepaid create --body is held to the currency minor units as --amount is', async () => {
    const cases = [
      { customerId: 'customer-123456', amount: 5.5, currency: 'JPY' },
      { customerId: 'customer-123456', amount: 10.001 },
    ];
    for (const body of cases) {
      const result = await cli(['prepaid', 'create', '--body', '-'], {
        input: JSON.stringify(body),
      });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/^amberkit: .*amount/);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
    }
    expect(writes()).toEqual([]);
    const yen = await cli(['prepaid', 'create', '--body', '-', '--json'], {
      input: JSON.stringify({ customerId: 'customer-123456', amount: 500, currency: 'JPY' }),
    });
    expect(yen.stderr).toBe('');
    expect(JSON.parse(yen.stdout)).toMatchObject({ amount: 500, currency: 'JPY' });
  });

  test('a typed day is that day where the person is, as in the UI (TZ honoured)', async () => {
    const result = await cli(
      [
        'prepaid',
        'create',
        '--customer',
        'customer-123456',
        '--amount',
        '5',
        '--expires',
        '2097-01-01',
      ],
      { env: { TZ: 'America/New_York' } },
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    // Midnight in New York, not midnight UTC (which New York reads as Dec 31, 2096).
    expect(result.stdout).toContain('expires Jan 1, 2097, 12:00 AM EST');
    const [order] = shared().emulator.snapshot().prepaidOrders;
    expect(order?.expirationTime).toBe(Date.UTC(2097, 0, 1, 5));
  });

  test('prepaid create --body - (stdin); an unknown customer is an API error', async () => {
    const body = JSON.stringify({ customerId: 'customer-123456', amount: 500 });
    const result = await cli(['prepaid', 'create', '--body', '-', '--json'], { input: body });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ amount: 500, currency: 'USD' });

    const unknown = await cli(['prepaid', 'create', '--customer', 'nobody', '--amount', '5']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/404.*NOT_FOUND/);
  });

  test('plans assign sends customer, plan and start; the plan is required', async () => {
    const result = await cli([
      'plans',
      'assign',
      '--customer',
      'customer-123456',
      '--plan',
      'plan-pro',
      '--start',
      '2027-03-01T09:30:00+01:00',
      '--json',
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const assignment = JSON.parse(result.stdout);
    expect(assignment).toMatchObject({
      customerId: 'customer-123456',
      productId: 'plan-pro',
      startTime: Date.UTC(2027, 2, 1, 8, 30),
    });
    expect(shared().emulator.snapshot().planAssignments).toContainEqual(assignment);

    const noPlan = await cli(['plans', 'assign', '--customer', 'customer-123456']);
    expect(noPlan.code).toBe(2);
    expect(noPlan.stderr).toContain('productId (--plan)');
  });

  test('a plan start the API cannot take is refused before sending (exit 2)', async () => {
    const before = writes().length;
    const base = ['plans', 'assign', '--customer', 'customer-123456', '--plan', 'plan-pro'];
    for (const start of ['1970-01-01', '9999-12-31']) {
      const result = await cli([...base, '--start', start], { env: { TZ: 'UTC' } });
      expect(result.code, start).toBe(2);
      expect(result.stderr).toMatch(
        new RegExp(
          `^amberkit: --start: ${start} is ${start} 00:00 UTC: must be (on or after 2000|before 2200)-01-01 00:00 UTC\n$`,
        ),
      );
    }
    // The range is of instants: in Tokyo, 2000-01-01 is 1999-12-31 15:00 UTC, and the message
    // says so, rather than refusing a 2000 date for not being "from 2000".
    const tokyo = await cli([...base, '--start', '2000-01-01'], { env: { TZ: 'Asia/Tokyo' } });
    expect(tokyo.code).toBe(2);
    expect(tokyo.stderr).toBe(
      'amberkit: --start: 2000-01-01 is 1999-12-31 15:00 UTC: must be on or after 2000-01-01 00:00 UTC\n',
    );
    const seconds = await cli(['plans', 'assign', '--body', '-'], {
      input: JSON.stringify({
        customerId: 'customer-123456',
        productId: 'p',
        startTime: 1_798_761_600,
      }),
    });
    expect(seconds.code).toBe(2);
    expect(seconds.stderr).toMatch(
      /^amberkit: startTime \(--body\) 1798761600 looks like Unix seconds/,
    );
    expect(writes()).toHaveLength(before);
  });

  test('--body FILE reads the JSON from a file; flags override it; a missing file is exit 2', async () => {
    await using dir = await tempDir();
    const file = join(dir.path, 'plan.json');
    await writeFile(
      file,
      JSON.stringify({
        customerId: 'customer-123456',
        productId: 'plan-file',
        startTime: 1_798_761_600_000,
      }),
    );
    const fromFile = await cli(['plans', 'assign', '--body', file, '--json']);
    expect(fromFile.stderr).toBe('');
    expect(fromFile.code).toBe(0);
    expect(JSON.parse(fromFile.stdout)).toMatchObject({
      productId: 'plan-file',
      startTime: 1_798_761_600_000,
    });

    const overridden = await cli([
      'plans',
      'assign',
      '--body',
      file,
      '--plan',
      'plan-flag',
      '--json',
    ]);
    expect(overridden.code).toBe(0);
    expect(JSON.parse(overridden.stdout)).toMatchObject({ productId: 'plan-flag' });

    const before = writes().length;
    const missing = await cli(['plans', 'assign', '--body', join(dir.path, 'nope.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^amberkit: --body: cannot read .*nope\.json/);
    expect(missing.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(writes()).toHaveLength(before);
  });
});
