import { utcMidnight } from './iso.js';

const formatters = new Map<string, Intl.DateTimeFormat>();

function wallClockFormat(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** How far `timeZone`'s wall clock is ahead of UTC at `epochMs`, in milliseconds. */
export function zoneOffsetMs(epochMs: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const p of wallClockFormat(timeZone).formatToParts(epochMs)) parts[p.type] = Number(p.value);
  // The year is not read from Intl, which writes 1 BC as "1" (with an era) and so puts year 0
  // and before in the wrong year. An offset is under a day, so the wall clock's year is UTC's,
  // or the one before or after when the two sit on either side of New Year.
  const utc = new Date(epochMs);
  const month = parts.month ?? 1;
  const turn = month - (utc.getUTCMonth() + 1);
  const year = utc.getUTCFullYear() + (turn === 11 ? -1 : turn === -11 ? 1 : 0);
  const wall = utcMidnight(year, month, parts.day ?? 1);
  const wallMs =
    wall + (((parts.hour ?? 0) * 60 + (parts.minute ?? 0)) * 60 + (parts.second ?? 0)) * 1000;
  return wallMs - (epochMs - (((epochMs % 1000) + 1000) % 1000));
}

const DAY = 86_400_000;

/**
 * The instant at which `timeZone`'s wall clock shows `wallMs` (wall-clock fields encoded
 * as if UTC), disambiguated as Temporal's `'compatible'` does: a repeated time (clocks
 * turned back) takes the earlier instant; a skipped time (clocks turned forward) moves
 * forward by the gap, so a skipped midnight becomes the first instant of that day.
 */
export function wallClockToInstant(wallMs: number, timeZone: string): number {
  const before = zoneOffsetMs(wallMs - DAY, timeZone);
  const after = zoneOffsetMs(wallMs + DAY, timeZone);
  const valid = [wallMs - before, wallMs - after].filter(
    (t) => zoneOffsetMs(t, timeZone) === wallMs - t,
  );
  return valid.length > 0 ? Math.min(...valid) : wallMs - before;
}
