import * as z from 'zod/mini';

const UNITS = {
  sec: 1_000,
  s: 1_000,
  min: 60_000,
  m: 60_000,
  hour: 3_600_000,
  h: 3_600_000,
  day: 86_400_000,
  d: 86_400_000,
} as const;

/** A rate limit as written by people: `100/min`, `10/sec`, `5000/hour`, `20000/day`. */
export const RateSpec = z
  .string()
  .check(
    z.regex(
      /^[1-9]\d{0,8}\/(sec|s|min|m|hour|h|day|d)$/,
      'rate must look like 100/min (units: sec, min, hour, day)',
    ),
  );
export type RateSpec = z.infer<typeof RateSpec>;

/** A parsed rate limit: `points` requests per `windowMs`. */
export type RateLimit = {
  readonly points: number;
  readonly windowMs: number;
  readonly spec: string;
};

/** Parses a {@link RateSpec} already checked by the schema. */
export function parseRateSpec(spec: string): RateLimit {
  const [count, unit] = spec.split('/') as [string, keyof typeof UNITS];
  return { points: Number(count), windowMs: UNITS[unit], spec };
}
