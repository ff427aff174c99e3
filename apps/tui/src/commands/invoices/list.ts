import { type Command, JSON_HELP, JSON_OPTION } from '../command.js';
import { UsageError } from '../errors.js';
import { emit } from '../output.js';
import { invoiceTable } from './format.js';

/** `amberkit invoices list --customer <id>`. An unknown customer has no invoices (`[]`). */
export const invoicesList: Command = {
  name: 'invoices list',
  summary: "List a customer's invoices",
  usage: '--customer ID [--json]',
  optionHelp: ['  --customer ID          the customer (required)', JSON_HELP],
  options: { customer: { type: 'string' }, ...JSON_OPTION },
  connects: true,
  write: false,
  async run({ io, args, json, client }) {
    const customerId = args.string('customer');
    if (customerId === undefined || customerId.trim() === '') {
      throw new UsageError('--customer ID is required');
    }
    const invoices = await client.invoices.list({ customerId });
    emit(io.stdout, json, invoices, (width) => invoiceTable(invoices, width));
  },
};
