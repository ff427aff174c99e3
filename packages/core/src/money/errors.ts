/** Base class of the money module's errors, so callers can catch them together. */
export class MoneyError extends Error {
  override name: string = 'MoneyError';
}

/** A currency code that is not in the checked-in ISO 4217 table. */
export class UnknownCurrencyError extends MoneyError {
  override name = 'UnknownCurrencyError' as const;
  constructor(readonly currency: unknown) {
    super(`Unknown currency ${JSON.stringify(currency)}: expected an ISO 4217 code such as USD`);
  }
}

/** Two amounts in different currencies were combined. */
export class CurrencyMismatchError extends MoneyError {
  override name = 'CurrencyMismatchError' as const;
  constructor(
    readonly expected: string,
    readonly actual: string,
  ) {
    super(`Cannot combine ${expected} with ${actual}: convert one of them first`);
  }
}

/** Text or a number could not be read as an amount; the message names the problem. */
export class MoneyParseError extends MoneyError {
  override name = 'MoneyParseError' as const;
  constructor(
    message: string,
    readonly input: unknown,
  ) {
    super(message);
  }
}

/** An amount has more significant digits than a JSON number (an IEEE double) keeps. */
export class PrecisionLossError extends MoneyError {
  override name = 'PrecisionLossError' as const;
  constructor(readonly decimal: string) {
    super(
      `${decimal} cannot be sent as a JSON number without losing digits (a double keeps about 15–17 significant digits); round it first`,
    );
  }
}
