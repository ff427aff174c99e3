export const USAGE = `amberkit-proxy — the amberkit edge proxy in front of the Amberflo Billing API

Usage:
  amberkit-proxy [serve] [--port N] [--host H] [--upstream URL] [--keys-file PATH]
                 [--cache memory|redis|off] [--redis-url URL] [--rate-limit 600/min|off]
                 [--log-level debug|info|warn|error|silent]
  amberkit-proxy keys create --name NAME --scopes SCOPE[,SCOPE…] [--expires ISO] [--rate 100/min]
  amberkit-proxy keys list [--keys-file PATH] [--json]
  amberkit-proxy --help | --version

Scopes: customers:read customers:write invoices:read prepaid:write plans:write *

Environment (flags win): AMBERFLO_API_KEY (required), AMBERKIT_KEYS or AMBERKIT_KEYS_FILE
(required), AMBERFLO_BASE_URL, PORT, HOST, AMBERKIT_CACHE, REDIS_URL, AMBERKIT_REDIS_PREFIX,
AMBERKIT_CACHE_TTL_CUSTOMERS, AMBERKIT_CACHE_TTL_CUSTOMER, AMBERKIT_CACHE_TTL_INVOICES,
AMBERKIT_CACHE_SWR, AMBERKIT_CACHE_SIE, AMBERKIT_CACHE_MAX_ENTRIES, AMBERKIT_CACHE_MAX_BYTES,
AMBERKIT_RATE_LIMIT, AMBERKIT_CORS_ORIGINS, AMBERKIT_CORS_MAX_AGE, AMBERKIT_BODY_LIMIT,
AMBERKIT_UPSTREAM_TIMEOUT_MS, AMBERKIT_UPSTREAM_RETRIES, AMBERKIT_LOG_LEVEL,
AMBERKIT_DRAIN_TIMEOUT_MS. See docs/proxy.md.

Signals: SIGHUP re-reads the keys file; SIGTERM/SIGINT drain and exit 0.
Exit codes: 0 ok, 1 bad configuration (env, keys file, Redis, port), 2 bad usage (flags).`;
