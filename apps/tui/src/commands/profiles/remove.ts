import { readConfigFile, removeProfile, writeConfigFile } from '../../config/index.js';
import type { Command } from '../command.js';
import { configPathFor } from '../config-path.js';
import { writeLine } from '../io.js';

/** `amberkit profiles remove NAME`: forget a profile and its key. */
export const profilesRemove: Command = {
  name: 'profiles remove',
  summary: 'Remove a saved profile and its key',
  usage: '<name>',
  optionHelp: [],
  options: {},
  positionals: ['name'],
  connects: false,
  async run({ io, args }) {
    const name = args.positionals[0]!;
    const path = configPathFor(io);
    const config = await readConfigFile(path);
    const next = removeProfile(config, name);
    await writeConfigFile(path, next);
    const note = config.defaultProfile === name ? ' There is no default profile now.' : '';
    writeLine(io.stdout, `Removed profile '${name}'.${note}`);
  },
};
