import * as z from 'zod/mini';
import { LOG_LEVELS } from './log-levels.js';
import { RateSpec } from './rate-spec.js';

const seconds = z.coerce
  .number('must be a number of seconds')
  .check(z.nonnegative('must be a number of seconds ≥ 0'));
const wholeNumber = z.refine<number>(Number.isInteger, 'must be a whole number');
const between = (min: number, max: number) =>
  z.coerce
    .number('must be a whole number')
    .check(wholeNumber, z.gte(min, `must be ${min}–${max}`), z.lte(max, `must be ${min}–${max}`));
const positiveInt = z.coerce
  .number('must be a whole number')
  .check(wholeNumber, z.positive('must be > 0'));

/**
 * A header value as RFC 9110 §5.5 gives it, in ASCII: visible characters, inner spaces and
 * tabs. Bytes past ASCII (a pasted non-breaking space) go out as Latin-1 through fetch and
 * undici but as UTF-8 through the parser transport, so they are refused too.
 */
const HEADER_VALUE = /^[\x21-\x7e](?:[\t\x20-\x7e]*[\x21-\x7e])?$/;

/** One setting: where it is read from, how it is checked, and its default. */
export type Field = {
  readonly env: string;
  readonly flag?: string;
  readonly schema: z.ZodMiniType;
  readonly fallback?: string;
  /** Never echo the value in an error line. */
  readonly secret?: boolean;
  /** The value as an error line echoes it (default: as given). */
  readonly shown?: (raw: string) => string;
};

/** Every setting: its env name, flag (flags win), schema and default. */
export const FIELDS = {
  port: {
    env: 'PORT',
    flag: '--port',
    schema: between(0, 65535),
    fallback: '8080',
  },
  host: {
    env: 'HOST',
    flag: '--host',
    schema: z.string().check(z.minLength(1)),
    fallback: '127.0.0.1',
  },
  baseUrl: {
    env: 'AMBERFLO_BASE_URL',
    flag: '--upstream',
    schema: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).check(
      z.refine((text: string) => {
        // Run after the URL check even when it failed: an unparsable URL is its error.
        if (!URL.canParse(text)) return true;
        const url = new URL(text);
        return url.username === '' && url.password === '' && url.search === '' && url.hash === '';
      }, 'must be an origin with an optional path: no user:password@ (the proxy sends AMBERFLO_API_KEY), no ?query or #fragment'),
    ),
    fallback: 'https://app.amberflo.io',
    // A password in the URL is not repeated in the error line.
    shown: (raw: string) => raw.replace(/\/\/[^/?#]*@/, '//…@'),
  },
  apiKey: {
    env: 'AMBERFLO_API_KEY',
    // Sent as a header on every upstream request: a value with a line break (an env file
    // with CRLF endings) or padding would fail every request instead of the start.
    schema: z
      .string()
      .check(
        z.minLength(1, 'must not be empty'),
        z.regex(
          HEADER_VALUE,
          'must be usable as an HTTP header value: printable ASCII, no line break or other control character, no space at either end',
        ),
      ),
    secret: true,
  },
  keys: { env: 'AMBERKIT_KEYS', schema: z.string().check(z.minLength(1)), secret: true },
  keysFile: {
    env: 'AMBERKIT_KEYS_FILE',
    flag: '--keys-file',
    schema: z.string().check(z.minLength(1)),
  },
  cache: {
    env: 'AMBERKIT_CACHE',
    flag: '--cache',
    schema: z.enum(['memory', 'redis', 'off'], 'must be memory, redis or off'),
    fallback: 'memory',
  },
  redisUrl: {
    env: 'REDIS_URL',
    flag: '--redis-url',
    schema: z.url({ protocol: /^rediss?$/, error: 'must be a redis:// or rediss:// URL' }),
    secret: true,
  },
  redisPrefix: {
    env: 'AMBERKIT_REDIS_PREFIX',
    schema: z.string().check(z.minLength(1)),
    fallback: 'amberkit:',
  },
  ttlCustomers: { env: 'AMBERKIT_CACHE_TTL_CUSTOMERS', schema: seconds, fallback: '10' },
  ttlCustomer: { env: 'AMBERKIT_CACHE_TTL_CUSTOMER', schema: seconds, fallback: '30' },
  ttlInvoices: { env: 'AMBERKIT_CACHE_TTL_INVOICES', schema: seconds, fallback: '60' },
  swr: { env: 'AMBERKIT_CACHE_SWR', schema: seconds, fallback: '30' },
  sie: { env: 'AMBERKIT_CACHE_SIE', schema: seconds, fallback: '300' },
  cacheMaxEntries: { env: 'AMBERKIT_CACHE_MAX_ENTRIES', schema: positiveInt, fallback: '10000' },
  cacheMaxBytes: {
    env: 'AMBERKIT_CACHE_MAX_BYTES',
    schema: positiveInt,
    fallback: String(64 * 1024 * 1024),
  },
  rateLimit: {
    env: 'AMBERKIT_RATE_LIMIT',
    flag: '--rate-limit',
    schema: z.union([RateSpec, z.literal('off')], 'must look like 600/min, or off'),
    fallback: '600/min',
  },
  corsOrigins: { env: 'AMBERKIT_CORS_ORIGINS', schema: z.string(), fallback: '' },
  corsMaxAge: { env: 'AMBERKIT_CORS_MAX_AGE', schema: between(0, 86400), fallback: '600' },
  bodyLimit: { env: 'AMBERKIT_BODY_LIMIT', schema: positiveInt, fallback: String(100 * 1024) },
  timeoutMs: { env: 'AMBERKIT_UPSTREAM_TIMEOUT_MS', schema: positiveInt, fallback: '10000' },
  retries: {
    env: 'AMBERKIT_UPSTREAM_RETRIES',
    schema: between(0, 5),
    fallback: '2',
  },
  logLevel: {
    env: 'AMBERKIT_LOG_LEVEL',
    flag: '--log-level',
    schema: z.enum(LOG_LEVELS, `must be one of ${LOG_LEVELS.join(', ')}`),
    fallback: 'info',
  },
  drainMs: { env: 'AMBERKIT_DRAIN_TIMEOUT_MS', schema: positiveInt, fallback: '10000' },
} as const satisfies Record<string, Field>;

export type FieldName = keyof typeof FIELDS;
export type Flags = Partial<Record<FieldName, string>>;
