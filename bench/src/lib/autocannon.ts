import autocannon from 'autocannon';

export type LoadOptions = {
  connections: number;
  durationSec: number;
  headers?: Record<string, string>;
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  body?: string;
};

/**
 * Requests per second (mean), latency percentiles in ms, and what went wrong. Latencies come
 * from autocannon's histogram, whose resolution is 1 ms: a sub-millisecond p50 reads as 0.
 */
export type LoadResult = { rps: number; p50: number; p99: number; errors: number; non2xx: number };

/** Drives `url` with autocannon for a fixed time; loopback only. */
export async function load(url: string, options: LoadOptions): Promise<LoadResult> {
  const host = new URL(url).hostname;
  if (!['127.0.0.1', '::1', '[::1]', 'localhost'].includes(host)) {
    throw new Error(`bench load only targets loopback, not ${host}`);
  }
  const result = await autocannon({
    url,
    connections: options.connections,
    duration: options.durationSec,
    method: options.method ?? 'GET',
    ...(options.headers === undefined ? {} : { headers: options.headers }),
    ...(options.body === undefined ? {} : { body: options.body }),
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
  };
}
