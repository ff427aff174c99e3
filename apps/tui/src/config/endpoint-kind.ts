/** `local` for loopback endpoints (an emulator or a proxy on this machine), else `live`. */
export type EndpointKind = 'local' | 'live';

const LOOPBACK = /^(localhost|.+\.localhost|127(?:\.\d{1,3}){3}|\[::1\]|::1|0\.0\.0\.0)$/i;

/**
 * Classifies an endpoint by its URL alone, with no network call. Anything that is not plainly
 * on this machine counts as live, so a mistake errs on the side of caution.
 */
export function endpointKind(baseUrl: string): EndpointKind {
  let hostname: string;
  try {
    hostname = new URL(baseUrl).hostname;
  } catch {
    return 'live';
  }
  return LOOPBACK.test(hostname) ? 'local' : 'live';
}
