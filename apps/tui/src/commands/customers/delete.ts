import { type Command, JSON_HELP, JSON_OPTION } from '../command.js';
import { UsageError } from '../errors.js';
import { emit } from '../output.js';
import { ask } from '../prompt.js';

/**
 * `amberkit customers delete <id>`. On a terminal the id must be typed to confirm; in a
 * pipe or CI nothing can be typed, so `--yes` is required instead.
 */
export const customersDelete: Command = {
  name: 'customers delete',
  summary: 'Delete a customer (asks to type the id, or --yes)',
  usage: '<id> [--yes] [--json]',
  optionHelp: [
    '  --yes                  do not ask for confirmation (needed without a terminal)',
    JSON_HELP,
  ],
  options: { yes: { type: 'boolean', short: 'y' }, ...JSON_OPTION },
  positionals: ['id'],
  connects: true,
  write: true,
  async run({ io, args, json, client }) {
    const id = args.positionals[0]!;
    if (!args.flag('yes')) {
      if (!io.stdin.isTTY) {
        throw new UsageError(
          `stdin is not a terminal, so the deletion of '${id}' cannot be confirmed; pass --yes to delete without asking`,
        );
      }
      const typed = await ask(io, `Type the customer id to delete it (${id}): `);
      if (typed !== id) throw new UsageError('the typed id did not match; nothing was deleted');
    }
    await client.customers.delete(id);
    emit(io.stdout, json, { customerId: id, deleted: true }, () => `Deleted customer ${id}.`);
  },
};
