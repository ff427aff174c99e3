import { minorUnit } from './currencies.js';
import { MoneyParseError } from './errors.js';
import { type LocaleSymbols, localeSymbols } from './locale-symbols.js';
import { currencyCode, type Money } from './money.js';

const SPACES = new Set([' ', '\u00a0', '\u202f']);
const APOSTROPHES = new Set(["'", '\u2019']);
const MINUS = new Set(['-', '\u2212']);
// Bidi marks, embeddings and isolates (LRM, RLM, ALM, U+202A–E, U+2066–9): Intl puts them
// around the sign and the number in right-to-left locales ("\u200e-1,234.50" in he-IL), and
// they are invisible, so a copied amount carries them.
const BIDI_MARKS = /[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/g;

/** Whether `ch` is the locale's group separator or what people type for it. */
function isGroup(ch: string, group: string): boolean {
  if (ch === group) return true;
  if (SPACES.has(group)) return SPACES.has(ch);
  return APOSTROPHES.has(group) && APOSTROPHES.has(ch);
}

function checkGrouping(groups: string[], s: LocaleSymbols, fail: (why: string) => never): void {
  const ok = groups.every((g, i) => {
    if (i === groups.length - 1) return g.length === s.primary;
    if (i === 0) return g.length >= 1 && g.length <= s.secondary;
    return g.length === s.secondary;
  });
  if (!ok) {
    fail(
      `misplaced group separator "${s.group}" (${s.locale} writes 1${s.group}234${s.decimal}56; the decimal separator is "${s.decimal}")`,
    );
  }
}

function wrongDigit(ch: string, s: LocaleSymbols): string {
  const own = s.digits[0] === '0' ? '' : ` or ${s.digits[0]}–${s.digits[9]}`;
  return `the digit "${ch}" is not one ${s.locale} writes; type 0–9${own}`;
}

/**
 * Reads an amount a person typed, in `locale`'s way of writing numbers (default `'en-US'`):
 * digits (ASCII 0–9 or the ones the locale writes, such as ٠–٩ in ar-EG and ۰–۹ in fa-IR),
 * group separators in the right places, one decimal separator and an optional leading minus.
 * Bidi marks, which Intl writes in right-to-left locales, are ignored. Refuses — with a
 * {@link MoneyParseError} saying why — empty input, letters or symbols, another script's
 * digits, several decimal separators, misplaced group separators and more decimals than the
 * currency's ISO minor unit (`'1.005'` USD: "USD takes at most 2 decimals"). The result has
 * exactly the minor unit's scale.
 * @example parseAmount('1,234.56', 'USD') // 1234.56 USD
 * @example parseAmount('1.234,5', 'EUR', 'de-DE') // 1234.50 EUR
 */
export function parseAmount(input: string, currency: string, locale = 'en-US'): Money {
  const code = currencyCode(currency);
  const fail = (why: string): never => {
    throw new MoneyParseError(`Cannot read ${JSON.stringify(input)} as ${code}: ${why}`, input);
  };
  if (typeof input !== 'string') fail('expected text');
  const text = input.replace(BIDI_MARKS, '').trim();
  if (text === '') fail('enter an amount');
  if (text.length > 100) fail('too long');
  const s = localeSymbols(locale);
  const negative = MINUS.has(text[0]!);
  // Intl writes "-EUR 1.00"; with the code removed a space follows the sign.
  const chars = [...(negative ? text.slice(1).trimStart() : text)];
  let int = '';
  let frac: string | undefined;
  const groups: string[] = [];
  for (const ch of chars) {
    const ascii = ch >= '0' && ch <= '9' ? ch : s.digits.indexOf(ch);
    if (typeof ascii === 'string' || ascii >= 0) {
      if (frac === undefined) int += String(ascii);
      else frac += String(ascii);
    } else if (ch === s.decimal) {
      if (frac !== undefined) fail(`more than one decimal separator "${s.decimal}"`);
      frac = '';
    } else if (isGroup(ch, s.group)) {
      if (frac !== undefined) fail('group separator after the decimal separator');
      groups.push(int);
      int = '';
    } else if (/\p{L}/u.test(ch)) {
      fail('letters are not allowed; type only the number');
    } else if (/\p{Nd}/u.test(ch)) {
      fail(wrongDigit(ch, s));
    } else if (MINUS.has(ch)) {
      fail('a minus sign may only lead the amount');
    } else {
      fail(`unexpected character "${ch}"`);
    }
  }
  if (groups.length > 0) checkGrouping([...groups, int], s, fail);
  const whole = groups.join('') + int;
  if (whole === '' && !frac) fail('no digits');
  const digits = minorUnit(code);
  if ((frac ?? '').length > digits) {
    fail(digits === 0 ? `${code} takes no decimals` : `${code} takes at most ${digits} decimals`);
  }
  const amount = BigInt(`${whole || '0'}${(frac ?? '').padEnd(digits, '0')}`);
  return { amount: negative ? -amount : amount, scale: digits, currency: code };
}
