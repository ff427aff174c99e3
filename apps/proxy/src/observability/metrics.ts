import type { CacheEvent } from '../cache/response-cache.js';

/** Upstream latency buckets, in seconds (Prometheus convention). */
const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** One `amberkit_proxy_requests_total` series: its labels and count. */
export type RequestSeries = { readonly labels: string; n: number };

/**
 * The proxy's counters and the upstream latency histogram, exposed as Prometheus text. Written
 * by hand: a handful of series does not justify a client library in the Workers bundle.
 */
export class Metrics {
  // route → method → status → series: three map lookups per request, no label string built.
  readonly #requests = new Map<string, Map<string, Map<number, RequestSeries>>>();
  readonly #cache = new Map<CacheEvent, number>();
  readonly #bucketCounts = BUCKETS.map(() => 0);
  #latencySum = 0;
  #latencyCount = 0;

  request(route: string, method: string, status: number): void {
    this.series(route, method, status).n++;
  }

  /**
   * The request counter of one route, method and status, created at zero if new. Callers that
   * answer the same kind of request again and again (the Node fast path) keep it and add to
   * it directly.
   */
  series(route: string, method: string, status: number): RequestSeries {
    let byMethod = this.#requests.get(route);
    if (!byMethod) {
      byMethod = new Map();
      this.#requests.set(route, byMethod);
    }
    let byStatus = byMethod.get(method);
    if (!byStatus) {
      byStatus = new Map();
      byMethod.set(method, byStatus);
    }
    let series = byStatus.get(status);
    if (!series) {
      series = { labels: `route="${route}",method="${method}",status="${status}"`, n: 0 };
      byStatus.set(status, series);
    }
    return series;
  }

  cache(event: CacheEvent): void {
    this.#cache.set(event, (this.#cache.get(event) ?? 0) + 1);
  }

  upstream(ms: number): void {
    const seconds = ms / 1000;
    for (let i = 0; i < BUCKETS.length; i++) if (seconds <= BUCKETS[i]!) this.#bucketCounts[i]!++;
    this.#latencySum += seconds;
    this.#latencyCount++;
  }

  render(): string {
    const lines = [
      '# HELP amberkit_proxy_requests_total Requests answered, by route, method and status.',
      '# TYPE amberkit_proxy_requests_total counter',
    ];
    for (const byMethod of this.#requests.values())
      for (const byStatus of byMethod.values())
        for (const { labels, n } of byStatus.values())
          if (n > 0) lines.push(`amberkit_proxy_requests_total{${labels}} ${n}`);
    lines.push(
      '# HELP amberkit_proxy_cache_total Cache lookups by result.',
      '# TYPE amberkit_proxy_cache_total counter',
    );
    for (const result of ['HIT', 'MISS', 'STALE', 'BYPASS'] as const) {
      lines.push(
        `amberkit_proxy_cache_total{result="${result.toLowerCase()}"} ${this.#cache.get(result) ?? 0}`,
      );
    }
    lines.push(
      '# HELP amberkit_proxy_coalesced_requests_total Requests that joined an upstream fetch already in flight.',
      '# TYPE amberkit_proxy_coalesced_requests_total counter',
      `amberkit_proxy_coalesced_requests_total ${this.#cache.get('coalesced') ?? 0}`,
      '# HELP amberkit_proxy_upstream_duration_seconds Upstream attempt latency.',
      '# TYPE amberkit_proxy_upstream_duration_seconds histogram',
    );
    BUCKETS.forEach((le, i) => {
      lines.push(
        `amberkit_proxy_upstream_duration_seconds_bucket{le="${le}"} ${this.#bucketCounts[i]}`,
      );
    });
    lines.push(
      `amberkit_proxy_upstream_duration_seconds_bucket{le="+Inf"} ${this.#latencyCount}`,
      `amberkit_proxy_upstream_duration_seconds_sum ${this.#latencySum}`,
      `amberkit_proxy_upstream_duration_seconds_count ${this.#latencyCount}`,
    );
    return `${lines.join('\n')}\n`;
  }
}
