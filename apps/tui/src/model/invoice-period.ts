import type { Invoice } from '@amberkit/core/schemas';
import { asSeconds, secondsToDate } from '@amberkit/core/time';

/**
 * An invoice's period as the UI and the commands show it, `start – end`. A bound that is
 * missing, or that is not a plausible Unix-seconds time (0, a millisecond value), is `?`:
 * a date in 1970 or the year 56000 would be read as real, and the guard's message is not a date.
 */
export function periodText(invoice: Invoice, show: (date: Date) => string): string {
  const bound = (value: number | undefined) => {
    if (value === undefined || value === 0) return '?';
    try {
      return show(secondsToDate(asSeconds(value)));
    } catch {
      return '?';
    }
  };
  return `${bound(invoice.startTime)} – ${bound(invoice.endTime)}`;
}
