import type { RequestLogEntry } from './types.js';

/** A fixed-size ring buffer: the newest `capacity` entries, oldest first on read. */
export class RequestLog {
  readonly #entries: Array<RequestLogEntry | undefined>;
  #next = 0;
  #size = 0;

  constructor(readonly capacity = 10_000) {
    if (!Number.isInteger(capacity) || capacity < 1)
      throw new RangeError('requestLogSize must be a positive integer');
    this.#entries = new Array(capacity);
  }

  push(entry: RequestLogEntry): void {
    this.#entries[this.#next] = entry;
    this.#next = (this.#next + 1) % this.capacity;
    if (this.#size < this.capacity) this.#size++;
  }

  list(): RequestLogEntry[] {
    const start = (this.#next - this.#size + this.capacity) % this.capacity;
    const out: RequestLogEntry[] = [];
    for (let i = 0; i < this.#size; i++)
      out.push({ ...(this.#entries[(start + i) % this.capacity] as RequestLogEntry) });
    return out;
  }

  clear(): number {
    const cleared = this.#size;
    this.#entries.fill(undefined);
    this.#next = 0;
    this.#size = 0;
    return cleared;
  }
}
