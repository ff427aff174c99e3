import { createEmulator, type Emulator } from './create-emulator.js';
import type { EmulatorOptions } from './types.js';

/** Shared by the emulator's own tests; not part of the public API. */
export const KEY = 'test-key';

/** A clock that starts at the spec's example time and moves 1 s per reading, so runs repeat. */
export function steppingClock(start = 1_718_153_645_993, stepMs = 1000): () => number {
  let now = start - stepMs;
  return () => {
    now += stepMs;
    return now;
  };
}

/** Polls `check` (every macrotask) until it holds; throws after `ms`. */
export async function until(check: () => boolean, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met before the deadline');
    await new Promise((resolve) => setImmediate(resolve));
  }
}

export type CallInit = Omit<RequestInit, 'body'> & {
  key?: string | null;
  json?: unknown;
  body?: BodyInit;
};
export type Call = (path: string, init?: CallInit) => Promise<Response>;

export type Harness = {
  emulator: Emulator;
  call: Call;
  url: string;
  [Symbol.asyncDispose](): Promise<void>;
};

export const MODES = ['in-process', 'tcp'] as const;
export type Mode = (typeof MODES)[number];

/** An emulator reached in-process (`emulator.fetch`) or over TCP on 127.0.0.1. */
export async function openHarness(mode: Mode, options: EmulatorOptions = {}): Promise<Harness> {
  const emulator = createEmulator({ accounts: [KEY], clock: steppingClock(), ...options });
  const server = mode === 'tcp' ? await emulator.listen() : undefined;
  const url = server?.url ?? 'http://emulator.local';
  const call: Call = (path, init = {}) => {
    const { key = KEY, json, headers, ...rest } = init;
    const merged = new Headers(headers);
    if (key !== null && !merged.has('x-api-key')) merged.set('x-api-key', key);
    let body = rest.body;
    if (json !== undefined) {
      body = JSON.stringify(json);
      if (!merged.has('content-type')) merged.set('content-type', 'application/json');
    }
    const request = new Request(`${url}${path}`, {
      ...rest,
      headers: merged,
      ...(body === undefined ? {} : { body }),
    });
    if (!server) return emulator.fetch(request);
    // The caller's signal goes to fetch itself as well: Node's fetch copies the Request, and
    // the copy follows this Request's signal only while this Request is alive, so after a GC
    // an abort never arrived and the call hung (nodejs/undici#4068; seen as a 30 s timeout of
    // the hang test in CI, and every time in a script that loads the emulator first).
    return fetch(request, rest.signal ? { signal: rest.signal } : undefined);
  };
  return {
    emulator,
    call,
    url,
    [Symbol.asyncDispose]: async () => {
      await server?.close();
      await emulator.close();
    },
  };
}
