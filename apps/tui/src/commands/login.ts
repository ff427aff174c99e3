import {
  endpointKind,
  Profile,
  ProfileName,
  readConfigFile,
  upsertProfile,
  writeConfigFile,
} from '../config/index.js';
import { validateInput } from './body.js';
import type { Command } from './command.js';
import { configPathFor } from './config-path.js';
import { UsageError } from './errors.js';
import { writeLine } from './io.js';
import { ask, askHidden } from './prompt.js';

/**
 * `amberkit login`: saves a profile. Missing values are prompted for on a terminal (the key
 * without echo); without one they must be flags. Nothing is sent over the network.
 */
export const login: Command = {
  name: 'login',
  summary: 'Save a connection as a profile',
  usage: '[--profile NAME] [--base-url URL] [--api-key KEY] [--read-only] [--default]',
  optionHelp: [
    '  --profile NAME         profile name (default: default)',
    '  --base-url URL         endpoint: the proxy, an emulator or https://app.amberflo.io',
    '  --api-key KEY          API key; prefer the prompt, which keeps it out of shell history',
    '  --read-only            refuse every write command with this profile',
    '  --default              make it the default profile (the first one always is)',
  ],
  options: {
    profile: { type: 'string' },
    'base-url': { type: 'string' },
    'api-key': { type: 'string' },
    'read-only': { type: 'boolean' },
    default: { type: 'boolean' },
  },
  connects: false,
  async run({ io, args, secrets }) {
    const tty = io.stdin.isTTY === true;
    const name = args.string('profile') ?? 'default';
    const nameCheck = ProfileName.safeParse(name);
    if (!nameCheck.success) {
      throw new UsageError(`--profile: ${nameCheck.error.issues[0]?.message ?? 'invalid name'}`);
    }
    let baseUrl = args.string('base-url');
    let apiKey = args.string('api-key');
    if (!tty && (baseUrl === undefined || apiKey === undefined)) {
      throw new UsageError('--base-url and --api-key are required when stdin is not a terminal');
    }
    baseUrl ??= await ask(io, 'Base URL (e.g. http://127.0.0.1:4010): ');
    apiKey ??= await askHidden(io, 'API key (not shown): ');
    secrets.push(apiKey);
    const profile = validateInput(
      Profile,
      { baseUrl, apiKey, ...(args.flag('read-only') ? { readOnly: true } : {}) },
      { baseUrl: '--base-url', apiKey: '--api-key' },
    );
    const path = configPathFor(io);
    const config = upsertProfile(await readConfigFile(path), name, profile, {
      makeDefault: args.flag('default'),
    });
    await writeConfigFile(path, config);
    const kind = endpointKind(profile.baseUrl) === 'live' ? 'LIVE' : 'local';
    const mode = profile.readOnly ? ', read-only' : '';
    const isDefault = config.defaultProfile === name ? ' (default)' : '';
    writeLine(io.stdout, `Saved profile '${name}'${isDefault}: ${kind} ${profile.baseUrl}${mode}.`);
  },
};
