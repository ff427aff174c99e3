/** Thrown by `listen` when the port is taken, with a message a person can act on. */
export class PortInUseError extends Error {
  override name = 'PortInUseError' as const;
  readonly code = 'EADDRINUSE';
  constructor(
    readonly host: string,
    readonly port: number,
  ) {
    super(
      `Port ${port} on ${host} is already in use; pick another with --port (0 picks a free one)`,
    );
  }
}

/** The data file could not be used; the message names the file and what to do. */
export class DataFileError extends Error {
  override name = 'DataFileError' as const;
  constructor(
    readonly file: string,
    detail: string,
  ) {
    super(`Data file ${file} ${detail}`);
  }
}
