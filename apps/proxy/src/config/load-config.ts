import type * as z from 'zod/mini';
import type { CachePolicy, CacheRoute } from '../cache/cache-policy.js';
import type { KeyEntry } from '../keys/key-entry.js';
import { parseKeyEntries } from '../keys/parse-keys.js';
import type { LogLevel } from '../observability/logger.js';
import { ConfigError } from './config-error.js';
import { FIELDS, type Field, type FieldName, type Flags } from './fields.js';

/** Everything the proxy needs to start, validated. */
export type ProxyConfig = {
  readonly port: number;
  readonly host: string;
  readonly upstream: {
    readonly baseUrl: string;
    readonly apiKey: string;
    readonly timeoutMs: number;
    readonly retries: number;
  };
  /** Keys given inline (`AMBERKIT_KEYS`), or the file to read them from. */
  readonly keys: { readonly entries: KeyEntry[] } | { readonly file: string };
  readonly cache: {
    readonly kind: 'memory' | 'redis' | 'off';
    readonly redisUrl: string | undefined;
    readonly redisPrefix: string;
    readonly maxEntries: number;
    readonly maxBytes: number;
    readonly policies: Record<CacheRoute, CachePolicy>;
  };
  /** Default per-key rate limit (`100/min`), or null when off. */
  readonly rateLimit: string | null;
  readonly corsOrigins: string[];
  /** Seconds a browser may reuse a CORS preflight's answer. */
  readonly corsMaxAgeSeconds: number;
  readonly bodyLimitBytes: number;
  readonly logLevel: LogLevel;
  readonly drainMs: number;
};

export type Env = Readonly<Record<string, string | undefined>>;

/**
 * Reads settings from `env` (process.env on Node, the `env` binding on Workers) and CLI
 * `flags` (which win), validating each with zod. Throws {@link ConfigError} with one line
 * naming the first bad or missing setting.
 */
export function loadConfig(env: Env, flags: Flags = {}): ProxyConfig {
  const read = <K extends FieldName>(
    name: K,
  ): z.output<(typeof FIELDS)[K]['schema']> | undefined => {
    const field: Field = FIELDS[name];
    const fromFlag = flags[name];
    const raw = fromFlag ?? env[field.env] ?? field.fallback;
    if (raw === undefined || raw === '')
      return field.fallback === '' ? (field.schema.parse('') as never) : undefined;
    const parsed = field.schema.safeParse(raw);
    if (parsed.success) return parsed.data as never;
    const label = fromFlag !== undefined && field.flag ? field.flag : field.env;
    const got = field.secret ? '' : ` (got "${field.shown ? field.shown(raw) : raw}")`;
    throw new ConfigError(
      `invalid ${label}: ${parsed.error.issues[0]!.message}${got}`,
      fromFlag !== undefined ? 'flag' : 'env',
    );
  };
  const need = <T>(value: T | undefined, message: string): T => {
    if (value === undefined) throw new ConfigError(message, 'env');
    return value;
  };

  const apiKey = need(
    read('apiKey'),
    'AMBERFLO_API_KEY is required: the Amberflo key the proxy sends upstream',
  );
  const inline = read('keys');
  const file = read('keysFile');
  if (inline === undefined && file === undefined) {
    throw new ConfigError(
      'AMBERKIT_KEYS or AMBERKIT_KEYS_FILE is required: the caller keys (see `amberkit-proxy keys create`)',
      'env',
    );
  }
  const kind = read('cache')!;
  const redisUrl = read('redisUrl');
  if (kind === 'redis' && redisUrl === undefined)
    throw new ConfigError('REDIS_URL is required when AMBERKIT_CACHE=redis', 'env');
  const swrMs = read('swr')! * 1000;
  const sieMs = read('sie')! * 1000;
  const rate = read('rateLimit')!;

  return {
    port: read('port')!,
    host: read('host')!,
    upstream: {
      baseUrl: read('baseUrl')!.replace(/\/+$/, ''),
      apiKey,
      timeoutMs: read('timeoutMs')!,
      retries: read('retries')!,
    },
    keys:
      inline !== undefined
        ? { entries: parseKeyEntries(inline, 'AMBERKIT_KEYS', 'env') }
        : { file: file! },
    cache: {
      kind,
      redisUrl,
      redisPrefix: read('redisPrefix')!,
      maxEntries: read('cacheMaxEntries')!,
      maxBytes: read('cacheMaxBytes')!,
      policies: {
        customers: { ttlMs: read('ttlCustomers')! * 1000, swrMs, sieMs },
        customer: { ttlMs: read('ttlCustomer')! * 1000, swrMs, sieMs },
        invoices: { ttlMs: read('ttlInvoices')! * 1000, swrMs, sieMs },
      },
    },
    rateLimit: rate === 'off' ? null : rate,
    corsOrigins: read('corsOrigins')!
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    corsMaxAgeSeconds: read('corsMaxAge')!,
    bodyLimitBytes: read('bodyLimit')!,
    logLevel: read('logLevel')!,
    drainMs: read('drainMs')!,
  };
}
