import { defaultConfigPath, readEnv } from './env.js';
import { ConfigError } from './errors.js';
import { readConfigFile } from './file.js';
import { requireProfile } from './profiles.js';
import { BaseUrl, maskUrl, type Profile } from './schema.js';
import { parseTimeout } from './timeout.js';

/**
 * Where the API is and how to authenticate; `profile` names the saved profile in use;
 * `timeoutMs`, when given, bounds each request (core's client has its own default).
 */
export type Connection = {
  baseUrl: string;
  apiKey: string;
  profile: string | null;
  readOnly: boolean;
  timeoutMs?: number;
};

/** Connection settings given on the command line. */
export type ConnectionFlags = {
  baseUrl?: string;
  apiKey?: string;
  profile?: string;
  readOnly?: boolean;
  /** As typed: seconds, or a number with ms, s, m or h. */
  timeout?: string;
};

/** Used when a key is given without a base URL, as core's client does. */
export const DEFAULT_BASE_URL = 'https://app.amberflo.io';

/**
 * Works out the connection, field by field: flags, then env (`AMBERKIT_BASE_URL`,
 * `AMBERKIT_API_KEY`, `AMBERKIT_PROFILE`, `AMBERKIT_READ_ONLY`, `AMBERKIT_TIMEOUT`), then the
 * profile named by `--profile` / `AMBERKIT_PROFILE` or else the config file's default profile.
 * The config file is only read when a profile is named or a value is still missing, so a
 * broken file never blocks explicit flags. The timeout comes from the flag or env only.
 * Throws {@link ConfigError} with one line.
 */
export async function resolveConnection(input: {
  flags: ConnectionFlags;
  env: Record<string, string | undefined>;
  configPath?: string;
}): Promise<Connection> {
  const env = readEnv(input.env);
  const { flags } = input;
  const timeoutMs =
    flags.timeout !== undefined
      ? parseTimeout(flags.timeout, '--timeout')
      : env.AMBERKIT_TIMEOUT === undefined
        ? undefined
        : parseTimeout(env.AMBERKIT_TIMEOUT, 'AMBERKIT_TIMEOUT');
  const explicitName = flags.profile ?? env.AMBERKIT_PROFILE;
  let baseUrl = flags.baseUrl ?? env.AMBERKIT_BASE_URL;
  let apiKey = flags.apiKey ?? env.AMBERKIT_API_KEY;

  let name: string | undefined;
  let profile: Profile | undefined;
  if (explicitName !== undefined || baseUrl === undefined || apiKey === undefined) {
    const config = await readConfigFile(input.configPath ?? defaultConfigPath(env));
    name = explicitName ?? config.defaultProfile;
    profile = name === undefined ? undefined : requireProfile(config, name);
  }
  const usesProfile =
    explicitName !== undefined ||
    (profile !== undefined && (baseUrl === undefined || apiKey === undefined));
  baseUrl ??= profile?.baseUrl;
  apiKey ??= profile?.apiKey;

  if (apiKey === undefined || apiKey === '') {
    throw new ConfigError(
      'no API key: pass --api-key, set AMBERKIT_API_KEY, or save a profile with `amberkit login`',
    );
  }
  const url = BaseUrl.safeParse(baseUrl ?? DEFAULT_BASE_URL);
  if (!url.success) {
    const source =
      flags.baseUrl !== undefined
        ? '--base-url'
        : env.AMBERKIT_BASE_URL !== undefined
          ? 'AMBERKIT_BASE_URL'
          : `profile '${name}' (baseUrl)`;
    const reason = url.error.issues[0]?.message ?? 'must be an http:// or https:// URL';
    throw new ConfigError(`${source}: invalid base URL '${maskUrl(baseUrl ?? '')}': ${reason}`);
  }
  return {
    baseUrl: url.data,
    apiKey,
    profile: usesProfile ? (name ?? null) : null,
    readOnly:
      flags.readOnly === true ||
      env.AMBERKIT_READ_ONLY ||
      (usesProfile && profile?.readOnly === true),
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
  };
}
