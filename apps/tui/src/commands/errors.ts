/**
 * The command line was wrong: an unknown command or flag, a missing or invalid value, a write
 * command in read-only mode. Exit code 2; the message is one line.
 */
export class UsageError extends Error {
  override name = 'UsageError' as const;
}
