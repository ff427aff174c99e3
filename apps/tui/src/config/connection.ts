import { defaultConfigPath, readEnv } from './env.js';
import { ConfigError } from './errors.js';
import { readConfigFile } from './file.js';
import { requireProfile } from './profiles.js';
import { BaseUrl, type Profile } from './schema.js';

/** Where the API is and how to authenticate; `profile` names the saved profile in use. */
export type Connection = {
  baseUrl: string;
  apiKey: string;
  profile: string | null;
  readOnly: boolean;
};

/** Connection settings given on the command line. */
export type ConnectionFlags = {
  baseUrl?: string;
  apiKey?: string;
  profile?: string;
  readOnly?: boolean;
};

/** Used when a key is given without a base URL, as core's client does. */
export const DEFAULT_BASE_URL = 'https://app.amberflo.io';

/**
 * Works out the connection, field by field: flags, then env (`AMBERKIT_BASE_URL`,
 * `AMBERKIT_API_KEY`, `AMBERKIT_PROFILE`, `AMBERKIT_READ_ONLY`), then the profile named by
 * `--profile` / `AMBERKIT_PROFILE` or else the config file's default profile. The config file
 * is only read when a profile is named or a value is still missing, so a broken file never
 * blocks explicit flags. Throws {@link ConfigError} with one line.
 */
export async function resolveConnection(input: {
  flags: ConnectionFlags;
  env: Record<string, string | undefined>;
  configPath?: string;
}): Promise<Connection> {
  const env = readEnv(input.env);
  const { flags } = input;
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
    throw new ConfigError(`invalid base URL '${baseUrl}': must be an http:// or https:// URL`);
  }
  return {
    baseUrl: url.data,
    apiKey,
    profile: usesProfile ? (name ?? null) : null,
    readOnly:
      flags.readOnly === true ||
      env.AMBERKIT_READ_ONLY ||
      (usesProfile && profile?.readOnly === true),
  };
}
