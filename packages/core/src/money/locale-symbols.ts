/** How a locale writes plain numbers, as far as reading them back needs. */
export type LocaleSymbols = {
  locale: string;
  group: string;
  decimal: string;
  /** Rightmost group size (3 almost everywhere). */
  primary: number;
  /** Size of the groups further left (2 in en-IN's 1,23,45,678). */
  secondary: number;
  /** The locale's ten digits, index = value (ASCII digits are always read too). */
  digits: string[];
};

const cache = new Map<string, LocaleSymbols>();

/** The separators, grouping sizes and digits Intl uses for `locale`. */
export function localeSymbols(locale: string): LocaleSymbols {
  const hit = cache.get(locale);
  if (hit) return hit;
  const format = new Intl.NumberFormat(locale, { minimumFractionDigits: 1 });
  const parts = format.formatToParts(1234567890.5);
  const integers = parts.filter((p) => p.type === 'integer').map((p) => p.value);
  const last = integers.at(-1) ?? '';
  const symbols: LocaleSymbols = {
    locale: format.resolvedOptions().locale,
    group: parts.find((p) => p.type === 'group')?.value ?? ',',
    decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
    primary: [...last].length || 3,
    secondary: integers.length > 2 ? [...(integers.at(-2) ?? '')].length : [...last].length || 3,
    digits: [...new Intl.NumberFormat(locale, { useGrouping: false }).format(9876543210)].reverse(),
  };
  if (cache.size > 50) cache.clear();
  cache.set(locale, symbols);
  return symbols;
}
