import type { DatasetName } from '../fixtures/datasets.js';

/** One account: an API key and, for the first account, the dataset it starts with. */
export type AccountSpec = string | { apiKey: string; dataset?: DatasetName };

/**
 * A fault rule. Matching rules (by `method` and `path` prefix, then by `rate`) add latency;
 * the first matching rule with an outcome (`drop`, `hang` or `status`) decides the answer.
 */
export type FaultRule = {
  /** HTTP method to match, e.g. `GET` (which matches `HEAD` too); any method when omitted. */
  method?: string;
  /** Path prefix to match, e.g. `/customers`; any path when omitted. */
  path?: string;
  /** Probability 0–1 that the rule fires (default 1), drawn from the emulator's seeded PRNG. */
  rate?: number;
  /** Answer with this status (429 → `RATE_LIMITED`, 5xx → `INTERNAL` …) as an ErrorResponse. */
  status?: number;
  /** Sent as `Retry-After` (seconds) with `status`; 429 defaults to 1. */
  retryAfterSeconds?: number;
  latencyMs?: number;
  /** Extra random latency, uniform in [0, jitterMs). */
  jitterMs?: number;
  /** Destroy the connection (over TCP) or reject like `fetch` does (in-process). */
  drop?: boolean;
  /** Never answer: the request waits until the client aborts or the server closes. */
  hang?: boolean;
};

/** One entry of the request log. `account` is a label (`account-1` …), never the key. */
export type RequestLogEntry = {
  method: string;
  path: string;
  query: Record<string, string>;
  status: number;
  time: number;
  requestId: string;
  account: string | null;
};

export type EmulatorOptions = {
  /** API keys, one per account (default `['emulator-key']`). The first gets the dataset. */
  accounts?: AccountSpec[];
  /** Dataset of the first account (default `demo`). */
  dataset?: DatasetName;
  /** Seed of the dataset, the default id generator and fault rates: 0 to 2^32-1 (default 1). */
  seed?: number;
  /** Current time in Unix milliseconds (default `Date.now`). */
  clock?: () => number;
  /** Makes ids for `req`, `order` and `inv`; the default is seeded, so runs repeat exactly. */
  idGenerator?: (prefix: string) => string;
  faults?: FaultRule[];
  /** Node only: keep data in this JSON file across restarts. */
  dataFile?: string;
  /** Request log capacity (default 10,000). */
  requestLogSize?: number;
};
