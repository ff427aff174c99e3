import {
  type AmberfloClient,
  type AmberfloClientOptions,
  createAmberfloClient,
  USER_AGENT,
} from '@amberkit/core/client';
import type { Connection } from './connection.js';
import { ConfigError } from './errors.js';
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
  try {
    return createAmberfloClient({
      ...overrides,
      apiKey: connection.apiKey,
      baseUrl: connection.baseUrl,
      ...(connection.timeoutMs === undefined ? {} : { timeoutMs: connection.timeoutMs }),
      headers: { ...overrides.headers, 'user-agent': `${USER_AGENT} amberkit-tui/${VERSION}` },
    });
  } catch (error) {
    // resolveConnection checks what it can; anything else core refuses in the options is
    // still a configuration problem (exit 2), said in one line without the options' values.
    if (error instanceof TypeError) throw new ConfigError(error.message.split('\n')[0]!);
    throw error;
  }
}
