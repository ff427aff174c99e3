import { endpointKind, readConfigFile } from '../../config/index.js';
import { type Command, JSON_HELP, JSON_OPTION } from '../command.js';
import { configPathFor } from '../config-path.js';
import { emit, table } from '../output.js';

/** `amberkit profiles list`: names, endpoints, LIVE or local, read-only; never the keys. */
export const profilesList: Command = {
  name: 'profiles list',
  summary: 'List saved profiles (keys are never shown)',
  usage: '[--json]',
  optionHelp: [JSON_HELP],
  options: { ...JSON_OPTION },
  connects: false,
  async run({ io, json }) {
    const config = await readConfigFile(configPathFor(io));
    // Built field by field so an API key can never slip into the output.
    const profiles = Object.entries(config.profiles).map(([name, profile]) => ({
      name,
      baseUrl: profile.baseUrl,
      kind: endpointKind(profile.baseUrl),
      default: config.defaultProfile === name,
      readOnly: profile.readOnly === true,
    }));
    emit(io.stdout, json, profiles, (width) => {
      if (profiles.length === 0) return 'No profiles. Save one with `amberkit login`.';
      const rows = profiles.map((p) => [
        p.default ? '*' : '',
        p.name,
        p.kind === 'live' ? 'LIVE' : 'local',
        p.readOnly ? 'read-only' : 'read-write',
        p.baseUrl,
      ]);
      return table(
        ['', 'NAME', 'KIND', 'MODE', { title: 'ENDPOINT', shrink: 1, min: 16 }],
        rows,
        width,
      );
    });
  },
};
