/** A string could not be read as a date; the message says what was wrong and what to type. */
export class DateParseError extends Error {
  override name = 'DateParseError' as const;
  constructor(
    message: string,
    readonly input: string,
  ) {
    super(message);
  }
}
