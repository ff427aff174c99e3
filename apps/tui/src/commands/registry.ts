import type { Command } from './command.js';
import { customersCreate } from './customers/create.js';
import { customersDelete } from './customers/delete.js';
import { customersGet } from './customers/get.js';
import { customersList } from './customers/list.js';
import { customersUpdate } from './customers/update.js';
import { SubcommandError, UsageError } from './errors.js';
import { invoicesList } from './invoices/list.js';
import { login } from './login.js';
import { plansAssign } from './plans/assign.js';
import { prepaidCreate } from './prepaid/create.js';
import { profilesList } from './profiles/list.js';
import { profilesRemove } from './profiles/remove.js';
import { profilesUse } from './profiles/use.js';

/** Every scriptable command, in the order `--help` lists them. */
export const COMMANDS: readonly Command[] = [
  customersList,
  customersGet,
  customersCreate,
  customersUpdate,
  customersDelete,
  invoicesList,
  prepaidCreate,
  plansAssign,
  login,
  profilesList,
  profilesUse,
  profilesRemove,
];

/** The commands of a group (`customers` → customers list, get, …); empty for any other word. */
export function groupCommands(group: string): Command[] {
  return COMMANDS.filter((c) => c.name.startsWith(`${group} `));
}

/**
 * Finds the command named by the first one or two words. An unknown word is a
 * {@link UsageError}; a group alone (`customers`) or with an action it does not have is a
 * {@link SubcommandError} whose one line names the group's actions and where their help is.
 */
export function findCommand(words: readonly string[]): { command: Command; rest: string[] } {
  const [first = '', second] = words;
  const single = COMMANDS.find((c) => c.name === first);
  if (single) return { command: single, rest: words.slice(1) };
  const group = groupCommands(first);
  if (group.length === 0) {
    throw new UsageError(`unknown command '${first}' (run amberkit --help)`);
  }
  const command = group.find((c) => c.name === `${first} ${second}`);
  if (command) return { command, rest: words.slice(2) };
  const problem =
    second === undefined || second.startsWith('-')
      ? 'needs a subcommand'
      : `has no subcommand '${second}'`;
  const actions = group.map((c) => c.name.slice(first.length + 1)).join(', ');
  throw new SubcommandError(
    `${first} ${problem} (one of: ${actions}); run 'amberkit ${first} --help'`,
    first,
  );
}
