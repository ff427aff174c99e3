/** What sits behind the proxy, for /healthz. */
export type UpstreamKind = 'emulator' | 'amberflo' | 'other';

/**
 * Amberflo by its origin; otherwise asks the emulator's admin health route once. A failed
 * probe is retried after a minute, so a proxy started before its emulator learns it later.
 */
export function createUpstreamKind(
  baseUrl: string,
  fetchFn: (request: Request) => Promise<Response>,
  clock: () => number,
): () => Promise<UpstreamKind> {
  const origin = new URL(baseUrl).origin;
  if (/(^|\.)amberflo\.io$/.test(new URL(baseUrl).hostname)) return async () => 'amberflo';
  let known: { kind: UpstreamKind; until: number } | undefined;
  return async () => {
    if (known && clock() < known.until) return known.kind;
    let kind: UpstreamKind = 'other';
    try {
      const response = await fetchFn(
        new Request(`${origin}/_emulator/health`, { signal: AbortSignal.timeout(2_000) }),
      );
      const body = (await response.json().catch(() => null)) as { status?: unknown } | null;
      if (response.ok && body?.status === 'ok') kind = 'emulator';
    } catch {
      // Unreachable: 'other' for now, asked again later.
    }
    known = { kind, until: kind === 'emulator' ? Number.POSITIVE_INFINITY : clock() + 60_000 };
    return kind;
  };
}
