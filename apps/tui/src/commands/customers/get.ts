import { type Command, JSON_HELP, JSON_OPTION } from '../command.js';
import { emit } from '../output.js';
import { customerDetails } from './format.js';

/** `amberkit customers get <id>`: one customer, every field. */
export const customersGet: Command = {
  name: 'customers get',
  summary: 'Show one customer',
  usage: '<id> [--json]',
  optionHelp: [JSON_HELP],
  options: { ...JSON_OPTION },
  positionals: ['id'],
  connects: true,
  write: false,
  async run({ io, args, json, client }) {
    const customer = await client.customers.get(args.positionals[0]!);
    emit(io.stdout, json, customer, () => customerDetails(customer));
  },
};
