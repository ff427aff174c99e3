/**
 * The command line was wrong: an unknown command or flag, a missing or invalid value, a write
 * command in read-only mode. Exit code 2; the message is one line.
 */
export class UsageError extends Error {
  override name = 'UsageError' as const;
}

/**
 * A command group (`customers`) without a subcommand, or with one it does not have. A usage
 * error whose line is followed by the group's list of commands, as `gh` and `kubectl` do.
 */
export class SubcommandError extends UsageError {
  constructor(
    message: string,
    /** The group's name, such as `customers`. */
    readonly group: string,
  ) {
    super(message);
  }
}
