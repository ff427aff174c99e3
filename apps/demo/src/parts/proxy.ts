import { join } from 'node:path';
import { resolveBin } from './bins.js';
import { type Part, READY_TIMEOUT_MS, spawnPart } from './child-process.js';
import type { DemoKey } from './demo-key.js';
import { PartFailedError } from './part-failed-error.js';

export type RunningProxy = { readonly part: Part; readonly url: string };

/** Settings of the user's environment that would change which upstream or keys the demo uses. */
const OVERRIDDEN = [
  'AMBERFLO_BASE_URL',
  'AMBERFLO_API_KEY',
  'AMBERKIT_KEYS',
  'AMBERKIT_KEYS_FILE',
  'PORT',
  'HOST',
];

/**
 * Starts `amberkit-proxy serve` on 127.0.0.1 in front of `upstream`, accepting the demo key
 * only, and waits for its "listening" log line (which carries its URL).
 */
export async function startProxy(options: {
  port: number;
  upstream: { url: string; apiKey: string };
  key: DemoKey;
  env: Record<string, string | undefined>;
  logDir: string;
  /** Called with the process as soon as it is spawned, so it can be stopped on any path. */
  onSpawn?: (part: Part) => void;
}): Promise<RunningProxy> {
  const env = { ...options.env };
  for (const name of OVERRIDDEN) delete env[name];
  Object.assign(env, {
    AMBERFLO_BASE_URL: options.upstream.url,
    AMBERFLO_API_KEY: options.upstream.apiKey,
    AMBERKIT_KEYS: JSON.stringify([options.key.entry]),
    // A demo stops at once; nobody waits on a long drain.
    AMBERKIT_DRAIN_TIMEOUT_MS: '2000',
  });
  const part = spawnPart({
    name: 'proxy',
    bin: resolveBin('proxy'),
    // The "listening" line is an info log: keep it even if the user's env lowers the level.
    args: ['serve', '--host', '127.0.0.1', '--port', String(options.port), '--log-level', 'info'],
    env,
    logFile: join(options.logDir, 'proxy.log'),
  });
  options.onSpawn?.(part);
  try {
    const match = await part.waitForLine(
      /"msg":"listening".*"url":"(https?:\/\/[^"]+)"/,
      READY_TIMEOUT_MS,
    );
    return { part, url: match[1]! };
  } catch (error) {
    await part.stop(2_000);
    throw new PartFailedError('proxy', error as Error, part.tail());
  }
}
