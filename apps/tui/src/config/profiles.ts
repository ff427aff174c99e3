import { ConfigError } from './errors.js';
import type { ConfigFile, Profile } from './schema.js';

/** Adds or replaces a profile; the first profile saved becomes the default. */
export function upsertProfile(
  config: ConfigFile,
  name: string,
  profile: Profile,
  options: { makeDefault?: boolean } = {},
): ConfigFile {
  const profiles = { ...config.profiles, [name]: profile };
  const keepDefault = config.defaultProfile !== undefined && config.defaultProfile in profiles;
  const defaultProfile = options.makeDefault || !keepDefault ? name : config.defaultProfile;
  return { ...config, defaultProfile, profiles };
}

/** Makes `name` the default profile. */
export function useProfile(config: ConfigFile, name: string): ConfigFile {
  requireProfile(config, name);
  return { ...config, defaultProfile: name };
}

/** Removes a profile; removing the default leaves no default rather than guessing one. */
export function removeProfile(config: ConfigFile, name: string): ConfigFile {
  requireProfile(config, name);
  const { [name]: _removed, ...profiles } = config.profiles;
  const next: ConfigFile = { ...config, profiles };
  if (config.defaultProfile === name) delete next.defaultProfile;
  return next;
}

/** The named profile, or a {@link ConfigError} listing the ones that exist. */
export function requireProfile(config: ConfigFile, name: string): Profile {
  const profile = Object.hasOwn(config.profiles, name) ? config.profiles[name] : undefined;
  if (profile === undefined) {
    const known = Object.keys(config.profiles);
    const hint =
      known.length === 0 ? 'none saved; run amberkit login' : `known: ${known.join(', ')}`;
    throw new ConfigError(`unknown profile '${name}' (${hint})`);
  }
  return profile;
}
