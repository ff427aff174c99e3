import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { emulatorEnv } from './test-support/emulator-env.js';
import { runCli } from './test-support/run-cli.js';

let ctx: Awaited<ReturnType<typeof emulatorEnv>>;
beforeAll(async () => {
  ctx = await emulatorEnv();
});
afterAll(async () => {
  await ctx?.[Symbol.asyncDispose]();
});
beforeEach(() => {
  ctx.emulator.reset();
});

const cli = (args: string[], input?: string) =>
  runCli(args, { env: ctx.env, ...(input === undefined ? {} : { input }) });
const writes = () => ctx.emulator.requests().filter((r) => r.method !== 'GET');

describe('amberkit invoices / prepaid / plans (as a process)', () => {
  test('invoices list --json is the customer’s invoices; the table totals per currency', async () => {
    const json = await cli(['invoices', 'list', '--customer', 'customer-123456', '--json']);
    expect(json.code).toBe(0);
    const expected = ctx.emulator
      .snapshot()
      .invoices.filter((invoice) => invoice.customerId === 'customer-123456');
    expect(JSON.parse(json.stdout)).toEqual(expected);
    expect(expected.map((invoice) => invoice.invoiceId)).toContain('inv-500123');

    const human = await cli(['invoices', 'list', '--customer', 'customer-123456']);
    expect(human.stdout).toMatch(/^INVOICE\s+PERIOD\s+AMOUNT\s+STATUS$/m);
    expect(human.stdout).toMatch(/inv-500123 .*99\.50 .*PAID/);
    expect(human.stdout).toMatch(/^Total USD: .*99\.50$/m);
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
      '2027-01-01',
      '--json',
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const order = JSON.parse(result.stdout);
    expect(order).toMatchObject({
      customerId: 'customer-123456',
      amount: 1234.56,
      currency: 'EUR',
      expirationTime: Date.UTC(2027, 0, 1),
    });
    expect(ctx.emulator.snapshot().prepaidOrders).toContainEqual(order);
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

  test('prepaid create --body - (stdin); an unknown customer is an API error', async () => {
    const body = JSON.stringify({ customerId: 'customer-123456', amount: 500 });
    const result = await cli(['prepaid', 'create', '--body', '-', '--json'], body);
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
    expect(ctx.emulator.snapshot().planAssignments).toContainEqual(assignment);

    const noPlan = await cli(['plans', 'assign', '--customer', 'customer-123456']);
    expect(noPlan.code).toBe(2);
    expect(noPlan.stderr).toContain('productId (--plan)');
  });
});
