import { MAX_TIMEOUT_MS } from '@amberkit/core/client';
import { ConfigError } from './errors.js';

/** A number of seconds (`30`, `2.5`, `.5`) or a number with a unit (`500ms`, `10s`, `2m`, `1h`). */
const TIMEOUT = /^(\d*)(?:\.(\d*))?\s*(ms|s|m|h)?$/i;
const UNIT_MS: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 };

/** `text` read as a timeout's parts (a number, with or without a unit), or undefined. */
function readTimeout(text: string): RegExpExecArray | undefined {
  const match = TIMEOUT.exec(text.trim());
  return match !== null && `${match[1] ?? ''}${match[2] ?? ''}` !== '' ? match : undefined;
}

/** Whether `text` is written as a timeout (a number, with or without a unit), whatever its size. */
export function looksLikeTimeout(text: string): boolean {
  return readTimeout(text) !== undefined;
}

/**
 * A request timeout as `--timeout` and `AMBERKIT_TIMEOUT` give it, in whole milliseconds
 * (rounded up): seconds when no unit is given, as curl's `--max-time` reads it. `source` names
 * where it came from in the one-line {@link ConfigError} a bad value gets. Hand-written rather
 * than `ms` (vercel/ms) from npm, which reads a bare number as milliseconds.
 */
export function parseTimeout(text: string, source: string): number {
  const match = readTimeout(text);
  if (!match) {
    throw new ConfigError(
      `${source}: '${text}' is not a timeout; give seconds (30, 2.5) or a number with ms, s, m or h (500ms, 10s, 2m, 1h)`,
    );
  }
  const [, whole = '', fraction = ''] = match;
  // Scaled as integers, so `2.007` is 2007 ms and not 2008 (2.007 × 1000 is 2007.0000000000002).
  const unit = UNIT_MS[(match[3] ?? 's').toLowerCase()]!;
  const ms = Math.ceil((Number(whole + fraction) * unit) / 10 ** fraction.length);
  if (ms <= 0) throw new ConfigError(`${source}: the timeout must be more than 0`);
  if (ms > MAX_TIMEOUT_MS) {
    throw new ConfigError(
      `${source}: ${text} is longer than the longest timeout, ${MAX_TIMEOUT_MS} ms (about 24 days)`,
    );
  }
  return ms;
}
