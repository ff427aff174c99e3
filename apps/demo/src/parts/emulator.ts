import { join } from 'node:path';
import { resolveBin } from './bins.js';
import { type Part, READY_TIMEOUT_MS, spawnPart } from './child-process.js';
import { PartFailedError } from './part-failed-error.js';

/** The Amberflo key of the emulator's one account (its documented default). */
const EMULATOR_KEY = 'emulator-key';

export type RunningEmulator = {
  readonly part: Part;
  readonly url: string;
  readonly apiKey: string;
};

/**
 * Starts `amberkit-emulator` with the demo data on 127.0.0.1 (`port` 0: a free one) and waits
 * for the URL it prints once it listens.
 */
export async function startEmulator(options: {
  port: number;
  env: Record<string, string | undefined>;
  logDir: string;
  /** Called with the process as soon as it is spawned, so it can be stopped on any path. */
  onSpawn?: (part: Part) => void;
}): Promise<RunningEmulator> {
  const part = spawnPart({
    name: 'emulator',
    bin: resolveBin('emulator'),
    args: [
      '--host',
      '127.0.0.1',
      '--port',
      String(options.port),
      '--dataset',
      'demo',
      '--api-key',
      EMULATOR_KEY,
    ],
    env: options.env,
    logFile: join(options.logDir, 'emulator.log'),
  });
  options.onSpawn?.(part);
  try {
    const [url] = await part.waitForLine(/^https?:\/\/\S+$/, READY_TIMEOUT_MS);
    return { part, url, apiKey: EMULATOR_KEY };
  } catch (error) {
    await part.stop(2_000);
    throw new PartFailedError('emulator', error as Error, part.tail());
  }
}
