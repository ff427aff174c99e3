/** A part could not start: carries what it printed, which usually says why. */
export class PartFailedError extends Error {
  override name = 'PartFailedError' as const;
  constructor(
    readonly part: string,
    cause: Error,
    readonly output: string[],
  ) {
    super(`${part} did not start: ${cause.message}`, { cause });
  }
}
