/** What a `:` command line asks for. */
export type Command =
  | { readonly kind: 'customers' }
  | { readonly kind: 'customer'; readonly id: string }
  | { readonly kind: 'quit' }
  | { readonly kind: 'invalid'; readonly message: string };

export const COMMAND_HELP = ':customers  :customer <id>  :q';

/** Parses the text typed after `:` (k9s style). */
export function parseCommand(text: string): Command {
  const [name = '', ...rest] = text.trim().split(/\s+/);
  const argument = rest.join(' ');
  switch (name) {
    case 'customers':
    case 'cu':
      return { kind: 'customers' };
    case 'customer':
    case 'c':
      return argument === ''
        ? { kind: 'invalid', message: ':customer needs an id, such as :customer customer-123456' }
        : { kind: 'customer', id: argument };
    case 'q':
    case 'quit':
      return { kind: 'quit' };
    case '':
      return { kind: 'invalid', message: `Type a command: ${COMMAND_HELP}` };
    default:
      return { kind: 'invalid', message: `Unknown command :${name}. Try ${COMMAND_HELP}` };
  }
}
