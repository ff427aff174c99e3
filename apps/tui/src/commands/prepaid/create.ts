import { PrepaidOrderRequest } from '@amberkit/core/schemas';
import { readBody, validateInput } from '../body.js';
import { type Command, JSON_HELP, JSON_OPTION } from '../command.js';
import { showAmount, showDate } from '../format.js';
import { emit } from '../output.js';
import { amountFlag, bodyAmount, dateFlag } from '../parse-inputs.js';

const FLAG_FOR = {
  customerId: '--customer',
  amount: '--amount',
  currency: '--currency',
  expirationTime: '--expires',
};

/** `amberkit prepaid create --customer ID --amount 500 [--currency USD] [--expires DATE]`. */
export const prepaidCreate: Command = {
  name: 'prepaid create',
  summary: 'Create a prepaid credit order',
  usage: '--customer ID --amount AMOUNT [--currency CODE] [--expires DATE] [--json]',
  optionHelp: [
    '  --customer ID          the customer (required)',
    '  --amount AMOUNT        e.g. 500 or 1,234.56, exact for the currency (required)',
    '  --currency CODE        ISO 4217 code (default USD)',
    '  --expires DATE         expiration, YYYY-MM-DD (local midnight; TZ is honoured) or ISO 8601 with a zone',
    '  --body FILE|-          JSON body from a file or stdin; flags override it',
    JSON_HELP,
  ],
  options: {
    customer: { type: 'string' },
    amount: { type: 'string' },
    currency: { type: 'string' },
    expires: { type: 'string' },
    body: { type: 'string' },
    ...JSON_OPTION,
  },
  connects: true,
  write: true,
  async run({ io, args, json, client }) {
    const source = args.string('body');
    const body = source === undefined ? {} : await readBody(source, io.stdin);
    const flagCurrency = args.string('currency')?.trim().toUpperCase();
    const currency = flagCurrency ?? (typeof body.currency === 'string' ? body.currency : 'USD');
    const input: Record<string, unknown> = { ...body, currency };
    const customer = args.string('customer');
    if (customer !== undefined) input.customerId = customer;
    const amount = args.string('amount');
    if (amount !== undefined) input.amount = amountFlag(amount, currency);
    else if (typeof input.amount === 'number') input.amount = bodyAmount(input.amount, currency);
    const expires = args.string('expires');
    if (expires !== undefined) input.expirationTime = dateFlag('--expires', expires);
    const request = validateInput(PrepaidOrderRequest, input, FLAG_FOR);
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
