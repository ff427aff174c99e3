import { UnknownCurrencyError } from './errors.js';

/*
 * ISO 4217 list one: every active code with its minor unit (the number of decimals the
 * standard defines, NOT Intl's display digits — CLDR shows HUF or IQD without decimals
 * while ISO gives them 2 and 3). Checked against the published list (2025 amendments: XCG
 * replaces ANG, ZWG replaces ZWL, SLE replaces SLL, XAD added; HRK and CUC withdrawn) and
 * against the table dinero.js 2.0.2 ships. MGA and MRU carry ISO's 2 (their real
 * subdivision is fifths). Codes whose minor unit is "N.A." (XAU, XAG, XPD, XPT, XDR, XSU,
 * XUA, XBA–XBD, XTS, XXX) have no minor unit and are deliberately left out.
 */
const MINOR_UNIT_0 = 'BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF';
const MINOR_UNIT_3 = 'BHD IQD JOD KWD LYD OMR TND';
const MINOR_UNIT_4 = 'CLF UYW';
const MINOR_UNIT_2 =
  'AED AFN ALL AMD AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BOV BRL BSD BTN BWP BYN ' +
  'BZD CAD CDF CHE CHF CHW CNY COP COU CRC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP ' +
  'GBP GEL GHS GIP GMD GTQ GYD HKD HNL HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT ' +
  'LAK LBP LKR LRD LSL MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN ' +
  'NIO NOK NPR NZD PAB PEN PGK PHP PKR PLN QAR RON RSD RUB SAR SBD SCR SDG SEK SGD SHP SLE ' +
  'SOS SRD SSP STN SVC SYP SZL THB TJS TMT TOP TRY TTD TWD TZS UAH USD USN UYU UZS VED VES ' +
  'WST XAD XCD XCG YER ZAR ZMW ZWG';

const table = new Map<string, number>();
for (const [codes, digits] of [
  [MINOR_UNIT_0, 0],
  [MINOR_UNIT_2, 2],
  [MINOR_UNIT_3, 3],
  [MINOR_UNIT_4, 4],
] as const) {
  for (const code of codes.split(' ')) table.set(code, digits);
}

/** Every currency code the module accepts, in alphabetical order. */
export const CURRENCY_CODES: readonly string[] = [...table.keys()].sort();

/** The canonical (upper-case) code, or undefined when `code` is not in the table. */
export function normalizeCurrency(code: unknown): string | undefined {
  if (typeof code !== 'string') return undefined;
  const upper = code.trim().toUpperCase();
  return table.has(upper) ? upper : undefined;
}

/** Whether `code` is an ISO 4217 code in the table (case-insensitive). */
export function isKnownCurrency(code: unknown): code is string {
  return normalizeCurrency(code) !== undefined;
}

/**
 * The ISO 4217 minor unit (decimals) of a currency: JPY 0, USD 2, KWD 3, CLF 4.
 * Throws {@link UnknownCurrencyError} for a code not in the table.
 */
export function minorUnit(currency: string): number {
  const digits = table.get(normalizeCurrency(currency) ?? '');
  if (digits === undefined) throw new UnknownCurrencyError(currency);
  return digits;
}
