import { readConfigFile, useProfile, writeConfigFile } from '../../config/index.js';
import type { Command } from '../command.js';
import { configPathFor } from '../config-path.js';
import { writeLine } from '../io.js';

/** `amberkit profiles use NAME`: make NAME the default profile. */
export const profilesUse: Command = {
  name: 'profiles use',
  summary: 'Make a profile the default',
  usage: '<name>',
  optionHelp: [],
  options: {},
  positionals: ['name'],
  connects: false,
  async run({ io, args }) {
    const name = args.positionals[0]!;
    const path = configPathFor(io);
    await writeConfigFile(path, useProfile(await readConfigFile(path), name));
    writeLine(io.stdout, `Default profile is now '${name}'.`);
  },
};
