import type { Readable, Writable } from 'node:stream';
import type { ClientOverrides } from '../config/index.js';

/** The streams and environment a command runs with; a process passes its own. */
export type CliIO = {
  stdin: Readable & { isTTY?: boolean; setRawMode?: (mode: boolean) => unknown };
  stdout: Writable & { isTTY?: boolean };
  stderr: Writable;
  env: Record<string, string | undefined>;
  /** Overrides the config file location (tests); otherwise XDG rules apply. */
  configPath?: string;
  /** Extra client options (an in-process `fetch` in tests). */
  client?: ClientOverrides;
};

/** Writes one line (a newline is added). */
export function writeLine(stream: Writable, line = ''): void {
  stream.write(`${line}\n`);
}
