import { defaultConfigPath, readEnv } from '../config/index.js';
import type { CliIO } from './io.js';

/** The config file these streams use: the test override, else the XDG location. */
export const configPathFor = (io: CliIO): string =>
  io.configPath ?? defaultConfigPath(readEnv(io.env));
