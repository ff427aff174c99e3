export type { Scope } from './auth/scopes.js';
export { hasScope, SCOPES } from './auth/scopes.js';
export type { CachePolicy, CacheRoute } from './cache/cache-policy.js';
export { CACHE_ROUTES, DEFAULT_CACHE_POLICIES } from './cache/cache-policy.js';
export type { CachedEntry, CacheStore, StoreLookup } from './cache/cache-store.js';
export type { MemoryStoreOptions } from './cache/memory-store.js';
export { createMemoryStore } from './cache/memory-store.js';
export { ConfigError } from './config/config-error.js';
export type { Env, ProxyConfig } from './config/load-config.js';
export { loadConfig } from './config/load-config.js';
export type { RateLimit } from './config/rate-spec.js';
export { parseRateSpec, RateSpec } from './config/rate-spec.js';
export type { AmberkitProxy, ProxyOptions } from './create-proxy.js';
export { createProxy } from './create-proxy.js';
export { generateKey, KEY_PREFIX } from './keys/generate-key.js';
export { hashKey } from './keys/hash-key.js';
export { KeyEntries, KeyEntry } from './keys/key-entry.js';
export type { KeyRing, KeySource, ResolvedKey } from './keys/key-ring.js';
export { createKeyRing, createKeySource } from './keys/key-ring.js';
export { parseKeyEntries } from './keys/parse-keys.js';
export type { Logger, LogLevel } from './observability/logger.js';
export { createLogger, redact } from './observability/logger.js';
export { createFixedWindowLimiter } from './rate-limit/fixed-window.js';
export type { RateDecision, RateLimiter } from './rate-limit/rate-limiter.js';
export type { FastAnswer, FastRead, RawHeaders } from './routes/fast-read.js';
export type {
  TransportRequest,
  TransportResponse,
  UpstreamTransport,
} from './upstream/transport.js';
export { fetchTransport } from './upstream/transport.js';
