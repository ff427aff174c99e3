import type { Context, Hono } from 'hono';
import type { Account } from './account.js';
import type { RequestLog } from './request-log.js';
import type { FaultRule } from './types.js';
import type { Waiters } from './waiters.js';

/** What the routes and middleware share; owned and mutated by `createEmulator`. */
export type EmulatorState = {
  /** API key → account. */
  readonly accounts: Map<string, Account>;
  /** Accounts in configuration order (the first holds the dataset). */
  readonly accountList: readonly Account[];
  readonly clock: () => number;
  nextId(prefix: string): string;
  readonly log: RequestLog;
  faults: readonly FaultRule[];
  faultRandom(): number;
  readonly waiters: Waiters;
  /** Pending while a data file loads; requests wait for it. */
  ready: Promise<void> | undefined;
  /** Called after every successful change, so persistence can save. */
  changed(): void;
  reset(options: { dataset?: 'demo' | 'empty'; seed?: number }): void;
};

/** The Bindings a Node server passes (`@hono/node-server`); absent in-process. */
export type EmulatorEnv = {
  Bindings:
    | {
        incoming?: {
          socket?: { destroy(): void } | null;
          headers?: Record<string, string | string[] | undefined>;
        };
      }
    | undefined;
  Variables: { requestId: string; account: Account };
};

export type EmulatorApp = Hono<EmulatorEnv>;
export type EmulatorContext = Context<EmulatorEnv>;
