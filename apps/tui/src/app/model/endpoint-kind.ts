/**
 * Where the UI's requests end up. Anything that is not known to be an emulator is `live`, so
 * a real account is never mistaken for a sandbox.
 */
export type EndpointKind = {
  readonly kind: 'emulator' | 'live';
  /** How it was decided, shown beside the badge. */
  readonly detail: string;
};

const AMBERFLO_ORIGIN = 'https://app.amberflo.io';

async function getJson(fetcher: typeof fetch, url: string, signal: AbortSignal): Promise<unknown> {
  const response = await fetcher(url, { signal, headers: { accept: 'application/json' } });
  if (!response.ok) return undefined;
  return response.json().catch(() => undefined);
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

/**
 * Asks the endpoint what it is: the emulator answers `/_emulator/health`; the proxy answers
 * `/healthz` with its upstream's kind; otherwise the origin decides. Never throws.
 */
export async function detectEndpointKind(
  baseUrl: string,
  fetcher: typeof fetch,
  signal: AbortSignal,
): Promise<EndpointKind> {
  const base = baseUrl.replace(/\/+$/, '');
  try {
    const health = await getJson(fetcher, `${base}/_emulator/health`, signal);
    if (field(health, 'status') === 'ok') return { kind: 'emulator', detail: 'emulator' };
  } catch {
    // Not an emulator (or unreachable): try the proxy next.
  }
  try {
    const healthz = await getJson(fetcher, `${base}/healthz`, signal);
    const upstreamKind = field(field(healthz, 'upstream'), 'kind');
    if (upstreamKind === 'emulator') return { kind: 'emulator', detail: 'proxy → emulator' };
    if (typeof upstreamKind === 'string')
      return { kind: 'live', detail: `proxy → ${upstreamKind}` };
  } catch {
    // Not our proxy either: decide by origin below.
  }
  let origin = '';
  try {
    origin = new URL(base).origin;
  } catch {
    return { kind: 'live', detail: 'unknown endpoint' };
  }
  return origin === AMBERFLO_ORIGIN
    ? { kind: 'live', detail: 'amberflo' }
    : { kind: 'live', detail: 'unknown endpoint' };
}
