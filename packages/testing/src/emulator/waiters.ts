export type WaitResult = 'elapsed' | 'aborted' | 'released';

/**
 * Timers for injected latency and hangs that end early when the client aborts or the
 * emulator closes, so a closing server never waits on its own faults.
 */
export class Waiters {
  readonly #pending = new Set<() => void>();

  /** Waits `ms` (Infinity: until aborted or released). */
  wait(ms: number, signal?: AbortSignal): Promise<WaitResult> {
    if (signal?.aborted) return Promise.resolve('aborted');
    return new Promise((resolve) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const finish = (result: WaitResult) => {
        if (timer !== undefined) clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        this.#pending.delete(release);
        resolve(result);
      };
      const onAbort = () => finish('aborted');
      const release = () => finish('released');
      if (Number.isFinite(ms)) timer = setTimeout(() => finish('elapsed'), ms);
      signal?.addEventListener('abort', onAbort, { once: true });
      this.#pending.add(release);
    });
  }

  get size(): number {
    return this.#pending.size;
  }

  releaseAll(): void {
    for (const release of [...this.#pending]) release();
  }
}
