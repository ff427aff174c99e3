import { CustomerRequest } from '@amberkit/core/schemas';
import { readBody, validateInput } from '../body.js';
import { type Command, JSON_HELP, JSON_OPTION } from '../command.js';
import { emit } from '../output.js';
import { applyCustomerFlags, checkBodyStage } from './fields.js';
import { customerDetails } from './format.js';
import { CUSTOMER_FIELD_HELP, CUSTOMER_FIELD_OPTIONS, CUSTOMER_FLAG_FOR } from './options.js';

/** `amberkit customers create --id ID --name NAME …` or `--body FILE|-`. */
export const customersCreate: Command = {
  name: 'customers create',
  summary: 'Create a customer',
  usage: '--id ID --name NAME [fields] [--stripe] [--json]',
  optionHelp: [
    '  --id ID                customer id (required)',
    ...CUSTOMER_FIELD_HELP,
    '  --stripe               also create the customer in Stripe',
    JSON_HELP,
  ],
  options: {
    ...CUSTOMER_FIELD_OPTIONS,
    id: { type: 'string' },
    stripe: { type: 'boolean' },
    ...JSON_OPTION,
  },
  connects: true,
  write: true,
  async run({ io, args, json, client }) {
    const source = args.string('body');
    const base = source === undefined ? {} : await readBody(source, io.stdin);
    checkBodyStage(base, args);
    const id = args.string('id');
    const merged = applyCustomerFlags(id === undefined ? base : { ...base, customerId: id }, args);
    const request = validateInput(CustomerRequest, merged, CUSTOMER_FLAG_FOR);
    const customer = await client.customers.create(request, {
      autoCreateCustomerInStripe: args.flag('stripe'),
    });
    emit(io.stdout, json, customer, () => [
      `Created customer ${customer.customerId}.`,
      ...customerDetails(customer),
    ]);
  },
};
