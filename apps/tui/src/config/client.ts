import {
  type AmberfloClient,
  type AmberfloClientOptions,
  createAmberfloClient,
  USER_AGENT,
} from '@amberkit/core/client';
import type { Connection } from './connection.js';
import { VERSION } from './version.js';

/** What callers may add to a connection's client (tests pass an in-process `fetch`). */
export type ClientOverrides = Omit<AmberfloClientOptions, 'apiKey' | 'baseUrl'>;

/**
 * Core's client for a resolved connection, identifying itself as `amberkit-tui/<version>`
 * after core's own User-Agent, with the connection's timeout when it has one.
 */
export function createClientFor(
  connection: Connection,
  overrides: ClientOverrides = {},
): AmberfloClient {
  return createAmberfloClient({
    ...overrides,
    apiKey: connection.apiKey,
    baseUrl: connection.baseUrl,
    ...(connection.timeoutMs === undefined ? {} : { timeoutMs: connection.timeoutMs }),
    headers: { ...overrides.headers, 'user-agent': `${USER_AGENT} amberkit-tui/${VERSION}` },
  });
}
