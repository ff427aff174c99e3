export type { AmberfloClient } from '@amberkit/core/client';
export { type ClientOverrides, createClientFor } from './client.js';
export {
  type Connection,
  type ConnectionFlags,
  DEFAULT_BASE_URL,
  resolveConnection,
} from './connection.js';
export { type EndpointKind, endpointKind } from './endpoint-kind.js';
export { type AmberkitEnv, defaultConfigPath, prepareUiEnv, processEnv, readEnv } from './env.js';
export { ConfigError } from './errors.js';
export { readConfigFile, writeConfigFile } from './file.js';
export { removeProfile, requireProfile, upsertProfile, useProfile } from './profiles.js';
export { BaseUrl, ConfigFile, maskUrl, Profile, ProfileName } from './schema.js';
export { VERSION } from './version.js';
