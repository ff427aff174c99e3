export { allocate } from './allocate.js';
export { fromApiAmount, toApiAmount } from './api-amount.js';
export { add, multiply, negate, subtract, sum } from './arithmetic.js';
export { compare, equals, isNegative, isZero } from './compare.js';
export { CURRENCY_CODES, isKnownCurrency, minorUnit } from './currencies.js';
export {
  CurrencyMismatchError,
  MoneyError,
  MoneyParseError,
  PrecisionLossError,
  UnknownCurrencyError,
} from './errors.js';
export type { FormatMoneyOptions } from './format.js';
export { format } from './format.js';
export type { Money } from './money.js';
export { money, toDecimalString } from './money.js';
export { parseAmount } from './parse-amount.js';
export type { RoundingMode } from './round.js';
export { round } from './round.js';
