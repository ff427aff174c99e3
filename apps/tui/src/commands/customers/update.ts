import { CustomerRequest } from '@amberkit/core/schemas';
import { readBody, validateInput } from '../body.js';
import { type Command, JSON_HELP, JSON_OPTION } from '../command.js';
import { UsageError } from '../errors.js';
import { emit } from '../output.js';
import { applyCustomerFlags, checkBodyStage, hasCustomerFlags } from './fields.js';
import { customerDetails } from './format.js';
import { CUSTOMER_FIELD_HELP, CUSTOMER_FIELD_OPTIONS, CUSTOMER_FLAG_FOR } from './options.js';

/**
 * `amberkit customers update <id> [fields]`. The API replaces the whole record (omitted
 * traits are cleared), so without --body the current record is fetched and the flags are
 * laid over it; with --body that body is the new record.
 */
export const customersUpdate: Command = {
  name: 'customers update',
  summary: 'Change a customer (sends the whole record)',
  usage: '<id> [fields] [--json]',
  optionHelp: [...CUSTOMER_FIELD_HELP, JSON_HELP],
  options: { ...CUSTOMER_FIELD_OPTIONS, ...JSON_OPTION },
  positionals: ['id'],
  connects: true,
  write: true,
  async run({ io, args, json, client }) {
    const id = args.positionals[0]!;
    const source = args.string('body');
    if (source === undefined && !hasCustomerFlags(args)) {
      throw new UsageError('nothing to change: pass field flags (see --help) or --body FILE|-');
    }
    let base: Record<string, unknown>;
    if (source === undefined) {
      base = await client.customers.get(id);
    } else {
      base = await readBody(source, io.stdin);
      if (base.customerId !== undefined && base.customerId !== id) {
        throw new UsageError(`--body: customerId '${String(base.customerId)}' is not '${id}'`);
      }
      checkBodyStage(base, args);
    }
    const merged = applyCustomerFlags({ ...base, customerId: id }, args);
    const request = validateInput(CustomerRequest, merged, CUSTOMER_FLAG_FOR);
    const customer = await client.customers.update(request);
    emit(io.stdout, json, customer, () => [
      `Updated customer ${customer.customerId}.`,
      ...customerDetails(customer),
    ]);
  },
};
