import { isKnownCurrency } from '@amberkit/core/money';
import { PrepaidOrderRequest } from '@amberkit/core/schemas';
import { readBody, validateInput } from '../body.js';
import { type Command, JSON_HELP, JSON_OPTION } from '../command.js';
import { UsageError } from '../errors.js';
import { showAmount, showDate } from '../format.js';
import { emit } from '../output.js';
import { amountFlag, bodyAmount, dateFlag, expiryInput } from '../parse-inputs.js';

/** Each field's flag; a field that came from `--body` is named as such instead. */
const FLAGS = {
  customerId: 'customer',
  amount: 'amount',
  currency: 'currency',
  expirationTime: 'expires',
} as const;

/** `amberkit prepaid create --customer ID --amount 500 [--currency USD] [--expires DATE]`. */
export const prepaidCreate: Command = {
  name: 'prepaid create',
  summary: 'Create a prepaid credit order',
  usage: '--customer ID --amount AMOUNT [--currency CODE] [--expires DATE [--allow-past]] [--json]',
  optionHelp: [
    '  --customer ID          the customer (required)',
    '  --amount AMOUNT        e.g. 500 or 1,234.56, exact for the currency (required)',
    '  --currency CODE        ISO 4217 code (default USD)',
    '  --expires DATE         expiration, YYYY-MM-DD (local midnight; TZ is honoured) or ISO 8601 with a zone',
    '  --allow-past           allow an expiry in the past (refused otherwise)',
    '  --body FILE|-          JSON body from a file or stdin; flags override it',
    JSON_HELP,
  ],
  options: {
    customer: { type: 'string' },
    amount: { type: 'string' },
    currency: { type: 'string' },
    expires: { type: 'string' },
    'allow-past': { type: 'boolean' },
    body: { type: 'string' },
    ...JSON_OPTION,
  },
  connects: true,
  write: true,
  async run({ io, args, json, client }) {
    const source = args.string('body');
    const body = source === undefined ? {} : await readBody(source, io.stdin);
    const flagCurrency = args.string('currency')?.trim().toUpperCase();
    if (
      flagCurrency === undefined &&
      body.currency !== undefined &&
      typeof body.currency !== 'string'
    )
      throw new UsageError('currency (--body): must be a string such as "USD"');
    const currency = flagCurrency ?? (body.currency as string | undefined) ?? 'USD';
    // The currency first: the amount is read by its rules (decimals), so a bad code is named
    // as what it is, not as an amount problem.
    if (!isKnownCurrency(currency)) {
      const where = flagCurrency === undefined ? 'currency (--body)' : '--currency';
      const problem = currency === '' ? 'must not be empty' : `unknown currency '${currency}'`;
      throw new UsageError(`${where}: ${problem} (use an ISO 4217 code such as USD, EUR, JPY)`);
    }
    const input: Record<string, unknown> = { ...body, currency };
    const customer = args.string('customer');
    if (customer !== undefined) input.customerId = customer;
    const amount = args.string('amount');
    if (amount !== undefined) input.amount = amountFlag(amount, currency);
    else if (typeof input.amount === 'number') input.amount = bodyAmount(input.amount, currency);
    const allowPast = args.flag('allow-past');
    const expires = args.string('expires');
    if (expires !== undefined) {
      input.expirationTime = expiryInput(dateFlag('--expires', expires), '--expires', {
        typed: expires,
        allowPast,
      });
    } else if (typeof input.expirationTime === 'number') {
      input.expirationTime = expiryInput(input.expirationTime, 'expirationTime (--body)', {
        allowPast,
      });
    }
    const flagFor = Object.fromEntries(
      Object.entries(FLAGS).map(([field, flag]) => [
        field,
        args.string(flag) === undefined && Object.hasOwn(body, field) ? '--body' : `--${flag}`,
      ]),
    );
    const request = validateInput(PrepaidOrderRequest, input, flagFor);
    const order = await client.prepaidOrders.create(request);
    emit(io.stdout, json, order, () => [
      `Created prepaid order ${order.orderId ?? ''} for ${order.customerId ?? request.customerId}:`,
      `  ${showAmount(order.amount, order.currency)}` +
        (order.expirationTime === undefined
          ? ''
          : `, expires ${showDate(new Date(order.expirationTime), true)}`),
    ]);
  },
};
