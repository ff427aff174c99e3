import { asMillis, type UnixMillis } from './units.js';

/** Options for {@link formatDate}. */
export type FormatDateOptions = {
  /** IANA time zone, e.g. `'Asia/Tokyo'`. Default `'UTC'`, so output never depends on the host. */
  timeZone?: string;
  /** BCP 47 locale, e.g. `'en-GB'`. Default: the runtime's locale. */
  locale?: string | readonly string[];
  /** Add hours and minutes and the zone's short name. Default false. */
  withTime?: boolean;
};

/**
 * Formats an instant with Intl in the given zone and locale. A number is checked with
 * {@link asMillis} first, so a seconds value passed by mistake throws instead of printing 1970.
 * @example formatDate(1718153645993 as UnixMillis, { timeZone: 'Asia/Tokyo', locale: 'en-GB' }) // '12 Jun 2024'
 */
export function formatDate(value: Date | UnixMillis, options: FormatDateOptions = {}): string {
  const ms = value instanceof Date ? value.getTime() : asMillis(value);
  if (Number.isNaN(ms)) throw new RangeError('formatDate: the Date is invalid');
  const format = new Intl.DateTimeFormat(options.locale as string | string[] | undefined, {
    timeZone: options.timeZone ?? 'UTC',
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    ...(options.withTime ? { hour: '2-digit', minute: '2-digit', timeZoneName: 'short' } : {}),
  });
  return format.format(ms);
}
