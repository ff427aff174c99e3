import { USER_AGENT } from './version.js';

/**
 * Headers on every request. Built as `Headers` so a caller's `X-API-KEY` in any casing is
 * replaced, not appended; callers may replace `accept` and `user-agent`. Browsers forbid a
 * script-set User-Agent, and `Request` drops it silently (no throw), so no guard is needed.
 */
export function defaultHeaders(apiKey: string, extra: Record<string, string>): Headers {
  const headers = new Headers({ accept: 'application/json', 'user-agent': USER_AGENT });
  for (const [name, value] of Object.entries(extra)) headers.set(name, value);
  headers.set('x-api-key', apiKey);
  return headers;
}

/** JSON when it parses; otherwise the raw text, which the schema then rejects. */
export function parseBody(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** No record at all: the live API answers a missing customer with `200 {}`. */
export function isEmpty(data: unknown): boolean {
  if (data === undefined || data === null) return true;
  return typeof data === 'object' && !Array.isArray(data) && Object.keys(data).length === 0;
}
