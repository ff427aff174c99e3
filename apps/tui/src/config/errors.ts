/**
 * A problem with how amberkit was configured: a missing or invalid connection setting, an
 * unknown profile, an unreadable or corrupt config file. The message is one line a person
 * can act on and never contains an API key.
 */
export class ConfigError extends Error {
  override name = 'ConfigError' as const;
}
