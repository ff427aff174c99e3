import autocannon from 'autocannon';

export type LoadOptions = {
  connections: number;
  durationSec: number;
  headers?: Record<string, string>;
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  body?: string;
};

/**
 * Requests per second (mean), latency percentiles in ms, and what went wrong. The percentiles
 * are exact, from every 2xx response's own time: autocannon's histogram keeps whole
 * milliseconds (0.3 ms reads as 0, 1.9 ms as 1), too coarse for targets such as p99 < 2 ms.
 */
export type LoadResult = {
  rps: number;
  mean: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
};

/** Response times in ms, in a growable typed array (a 10 s run at 60k req/s is 600k). */
class Samples {
  #data = new Float64Array(1 << 16);
  #size = 0;
  add(ms: number): void {
    if (this.#size === this.#data.length) {
      const grown = new Float64Array(this.#data.length * 2);
      grown.set(this.#data);
      this.#data = grown;
    }
    this.#data[this.#size++] = ms;
  }
  mean(): number {
    let sum = 0;
    for (let i = 0; i < this.#size; i++) sum += this.#data[i]!;
    return this.#size === 0 ? Number.NaN : sum / this.#size;
  }
  /** Nearest-rank percentiles, `ps` in 0–100. */
  percentiles(ps: readonly number[]): number[] {
    const sorted = this.#data.subarray(0, this.#size).sort();
    return ps.map((p) =>
      sorted.length === 0
        ? Number.NaN
        : sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!,
    );
  }
}

/** Drives `url` with autocannon for a fixed time; loopback only. */
export async function load(url: string, options: LoadOptions): Promise<LoadResult> {
  const host = new URL(url).hostname;
  if (!['127.0.0.1', '::1', '[::1]', 'localhost'].includes(host)) {
    throw new Error(`bench load only targets loopback, not ${host}`);
  }
  // Without a callback autocannon answers its tracker (an EventEmitter) made thenable; the
  // types only admit the promise.
  const instance = autocannon({
    url,
    connections: options.connections,
    duration: options.durationSec,
    method: options.method ?? 'GET',
    ...(options.headers === undefined ? {} : { headers: options.headers }),
    ...(options.body === undefined ? {} : { body: options.body }),
  }) as unknown as autocannon.Instance & PromiseLike<autocannon.Result>;
  const samples = new Samples();
  instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
    if (status >= 200 && status < 300) samples.add(ms);
  });
  const result = await instance;
  const [p50, p99] = samples.percentiles([50, 99]);
  return {
    rps: result.requests.average,
    mean: samples.mean(),
    p50: p50!,
    p99: p99!,
    errors: result.errors,
    non2xx: result.non2xx,
  };
}
