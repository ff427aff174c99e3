/** A bad or missing setting; `message` is the one line the process prints before stopping. */
export class ConfigError extends Error {
  override name = 'ConfigError' as const;
  constructor(
    message: string,
    /** Where the bad value came from: a CLI flag is a usage error (exit 2), env or file exit 1. */
    readonly source: 'flag' | 'env' | 'file',
  ) {
    super(message);
  }
}
