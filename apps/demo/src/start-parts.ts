import type { DemoInfo } from './banner.js';
import type { DemoOptions } from './config/options.js';
import { MissingBinError } from './parts/bins.js';
import type { Part } from './parts/child-process.js';
import { mintDemoKey } from './parts/demo-key.js';
import { startEmulator } from './parts/emulator.js';
import { PartFailedError } from './parts/part-failed-error.js';
import { assertPortFree, PortInUseError } from './parts/ports.js';
import { startProxy } from './parts/proxy.js';
import { upstreamKind } from './parts/upstream-kind.js';

/**
 * Checks requested ports, mints the demo key, then starts the emulator (unless an upstream is
 * given) and the proxy, handing each process to `track` as soon as it exists.
 */
export async function startParts(
  options: DemoOptions,
  env: Record<string, string | undefined>,
  logDir: string,
  track: (part: Part) => Part,
): Promise<DemoInfo> {
  if (options.emulatorPort && !options.upstream)
    await assertPortFree(options.emulatorPort, 'emulator');
  if (options.proxyPort) await assertPortFree(options.proxyPort, 'proxy');
  const key = await mintDemoKey(env);
  const onSpawn = { onSpawn: track };
  const emulator = options.upstream
    ? undefined
    : await startEmulator({ port: options.emulatorPort?.port ?? 0, env, logDir, ...onSpawn });
  const upstream = options.upstream ?? { url: emulator!.url, apiKey: emulator!.apiKey };
  const proxy = await startProxy({
    port: options.proxyPort?.port ?? 0,
    upstream,
    key,
    env,
    logDir,
    ...onSpawn,
  });
  return {
    ...(emulator
      ? { emulator: { url: emulator.url, apiKey: emulator.apiKey, pid: emulator.part.pid } }
      : {}),
    ...(options.upstream ? { upstream: { url: options.upstream.url } } : {}),
    proxy: { url: proxy.url, pid: proxy.part.pid, upstreamKind: await upstreamKind(proxy.url) },
    key: key.key,
    logDir,
  };
}

/** One clear line (and what a failed part printed) for a start that did not work. */
export function reportStartFailure(error: unknown, err: (line: string) => void): void {
  if (error instanceof PortInUseError || error instanceof MissingBinError) {
    err(`amberkit-demo: ${error.message}`);
    return;
  }
  if (error instanceof PartFailedError) {
    err(`amberkit-demo: ${error.message}`);
    for (const line of error.output) err(`  ${error.part}: ${line}`);
    return;
  }
  err(`amberkit-demo: cannot start: ${error instanceof Error ? error.message : String(error)}`);
}
