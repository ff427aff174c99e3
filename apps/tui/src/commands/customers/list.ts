import { type Command, JSON_HELP, JSON_OPTION } from '../command.js';
import { emit } from '../output.js';
import { customerTable } from './format.js';

/** `amberkit customers list`: every customer of the account. */
export const customersList: Command = {
  name: 'customers list',
  summary: 'List customers',
  usage: '[--json]',
  optionHelp: [JSON_HELP],
  options: { ...JSON_OPTION },
  connects: true,
  write: false,
  async run({ io, json, client }) {
    const customers = await client.customers.list();
    emit(io.stdout, json, customers, (width) => customerTable(customers, width));
  },
};
