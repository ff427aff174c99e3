import { z } from 'zod';
import type { DemoEnv } from './env.js';
import type { DemoFlags } from './parse-args.js';
import { UsageError } from './usage-error.js';

/** A port someone asked for, and where they asked (named in error lines). */
export type RequestedPort = { readonly port: number; readonly source: string };

export type DemoOptions = {
  /** Undefined: let the emulator pick a free port. */
  readonly emulatorPort: RequestedPort | undefined;
  readonly proxyPort: RequestedPort | undefined;
  /** Set: no emulator, the proxy forwards here with `apiKey`. */
  readonly upstream: { readonly url: string; readonly apiKey: string } | undefined;
  readonly noTui: boolean;
};

const Port = z
  .string()
  .regex(/^\d{1,5}$/)
  .transform(Number)
  .pipe(z.number().max(65535));
const HttpUrl = z.url({ protocol: /^https?$/ });

function port(
  candidates: Array<[source: string, raw: string | undefined]>,
): RequestedPort | undefined {
  const found = candidates.find(([, raw]) => raw !== undefined);
  if (!found) return undefined;
  const [source, raw] = found;
  const parsed = Port.safeParse(raw);
  if (!parsed.success)
    throw new UsageError(`${source} must be a port number 0–65535, got ${JSON.stringify(raw)}`);
  return { port: parsed.data, source };
}

/** Merges flags and env (flags win) and checks every value; throws {@link UsageError}. */
export function resolveOptions(
  flags: Extract<DemoFlags, { kind: 'run' }>,
  env: DemoEnv,
): DemoOptions {
  const emulatorPort = port([
    ['--emulator-port', flags.emulatorPort],
    ['AMBERKIT_EMULATOR_PORT', env.AMBERKIT_EMULATOR_PORT],
  ]);
  const proxyPort = port([
    ['--proxy-port', flags.proxyPort],
    ['AMBERKIT_PROXY_PORT', env.AMBERKIT_PROXY_PORT],
    ['PORT', env.PORT],
  ]);
  let upstream: DemoOptions['upstream'];
  if (flags.upstream !== undefined) {
    if (!HttpUrl.safeParse(flags.upstream).success) {
      throw new UsageError(
        `--upstream must be an http:// or https:// URL, got ${JSON.stringify(flags.upstream)}`,
      );
    }
    if (env.AMBERFLO_API_KEY === undefined) {
      throw new UsageError(
        '--upstream needs AMBERFLO_API_KEY: the API key of that upstream, which the proxy holds',
      );
    }
    if (emulatorPort !== undefined)
      throw new UsageError(
        `${emulatorPort.source} makes no sense with --upstream: no emulator runs`,
      );
    upstream = { url: flags.upstream.replace(/\/+$/, ''), apiKey: env.AMBERFLO_API_KEY };
  }
  if (
    emulatorPort &&
    proxyPort &&
    emulatorPort.port !== 0 &&
    emulatorPort.port === proxyPort.port
  ) {
    throw new UsageError(
      `${emulatorPort.source} and ${proxyPort.source} are both ${proxyPort.port}: give them different ports`,
    );
  }
  return { emulatorPort, proxyPort, upstream, noTui: flags.noTui };
}
