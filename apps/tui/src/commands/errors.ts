/**
 * The command line was wrong: an unknown command or flag, a missing or invalid value, a write
 * command in read-only mode. Exit code 2; the message is one line.
 */
export class UsageError extends Error {
  override name = 'UsageError' as const;
}

/**
 * A command group (`customers`) without a subcommand, or with one it does not have. Like any
 * usage error it is one line (naming the group's actions and `amberkit <group> --help`): a
 * script's log gets one line per mistake, and the full list is one `--help` away.
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
