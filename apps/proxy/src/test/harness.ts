import { createEmulator, type Emulator, type EmulatorOptions } from '@amberkit/testing';
import type { Scope } from '../auth/scopes.js';
import { type AmberkitProxy, createProxy, type ProxyOptions } from '../create-proxy.js';
import { generateKey } from '../keys/generate-key.js';
import { hashKey } from '../keys/hash-key.js';
import type { KeyEntry } from '../keys/key-entry.js';
import { createLogger } from '../observability/logger.js';

export type KeySpec = { scopes: Scope[]; expiresAt?: string | null; rateLimit?: string | null };

/** Makes real caller keys: the plaintext for requests, the entries for the proxy. */
export async function makeKeys<N extends string>(specs: Record<N, KeySpec>) {
  const plain = {} as Record<N, string>;
  const entries: KeyEntry[] = [];
  for (const [name, spec] of Object.entries(specs) as [N, KeySpec][]) {
    const key = generateKey();
    plain[name] = key;
    entries.push({
      name,
      hash: await hashKey(key),
      scopes: spec.scopes,
      expiresAt: spec.expiresAt ?? null,
      rateLimit: spec.rateLimit ?? null,
    });
  }
  return { plain, entries };
}

/** `init` sent as a caller with `key` (Bearer) and a JSON body; `init.headers` win. */
export function asCaller(key: string, init: RequestInit = {}): RequestInit {
  return {
    ...init,
    headers: {
      authorization: `Bearer ${key}`,
      'content-type': 'application/json',
      ...init.headers,
    },
  };
}

export const AMBERFLO_KEY = 'emulator-secret-key-0123456789';
export const ALL_KEYS = {
  admin: { scopes: ['*'] },
  reader: { scopes: ['customers:read', 'invoices:read'] },
  customersRead: { scopes: ['customers:read'] },
  customersWrite: { scopes: ['customers:write'] },
  invoicesRead: { scopes: ['invoices:read'] },
  prepaid: { scopes: ['prepaid:write'] },
  plans: { scopes: ['plans:write'] },
  expired: { scopes: ['*'], expiresAt: '2020-01-01T00:00:00Z' },
} satisfies Record<string, KeySpec>;

export type Stack = {
  emulator: Emulator;
  proxy: AmberkitProxy;
  keys: Record<keyof typeof ALL_KEYS, string>;
  lines: string[];
  /** `app.request` with a caller key (by name) as Bearer. */
  call(path: string, init?: RequestInit & { as?: keyof typeof ALL_KEYS | null }): Promise<Response>;
  [Symbol.asyncDispose](): Promise<void>;
};

/**
 * An in-process stack: the real emulator (in-process fetch) behind a real proxy, with a
 * captured logger. Over-TCP tests build their own servers.
 */
export async function createStack(
  options: {
    emulator?: EmulatorOptions;
    proxy?: Partial<Omit<ProxyOptions, 'upstream'>> & {
      upstream?: Partial<ProxyOptions['upstream']>;
    };
  } = {},
): Promise<Stack> {
  const emulator = createEmulator({ accounts: [AMBERFLO_KEY], ...options.emulator });
  const { plain, entries } = await makeKeys(ALL_KEYS);
  const lines: string[] = [];
  const proxy = createProxy({
    keys: entries,
    fetch: (request) => emulator.fetch(request),
    logger: createLogger({ write: (line) => lines.push(line), secrets: [AMBERFLO_KEY] }),
    ...options.proxy,
    upstream: {
      baseUrl: 'http://emulator.local',
      apiKey: AMBERFLO_KEY,
      retries: 0,
      ...options.proxy?.upstream,
    },
  });
  return {
    emulator,
    proxy,
    keys: plain,
    lines,
    async call(path, init = {}) {
      const { as = 'admin', ...rest } = init;
      const headers = new Headers(rest.headers);
      if (as !== null) headers.set('authorization', `Bearer ${plain[as]}`);
      return proxy.app.request(path, { ...rest, headers });
    },
    async [Symbol.asyncDispose]() {
      await proxy.close();
      await emulator.close();
    },
  };
}
