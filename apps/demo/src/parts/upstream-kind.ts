import { z } from 'zod';

const Health = z.looseObject({ upstream: z.looseObject({ kind: z.string() }) });

/**
 * What the proxy says its upstream is (`emulator`, `amberflo`, `other`), from its `/healthz`;
 * `unknown` when it does not say within a second (the banner must not wait on it).
 */
export async function upstreamKind(proxyUrl: string): Promise<string> {
  try {
    const response = await fetch(`${proxyUrl}/healthz`, { signal: AbortSignal.timeout(1_000) });
    const parsed = Health.safeParse(await response.json());
    return parsed.success ? parsed.data.upstream.kind : 'unknown';
  } catch {
    return 'unknown';
  }
}
