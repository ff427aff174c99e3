import type { CircuitBreakerPolicy, RetryPolicy } from 'cockatiel';
import { UpstreamServerError, UpstreamTimeoutError, UpstreamUnavailableError } from './errors.js';

export type ResilienceOptions = {
  /** Retries after the first attempt, for idempotent requests only. Default 2. */
  readonly retries?: number;
  /** Consecutive failed caller requests (after their retries) that open the breaker. Default 5. */
  readonly breakerThreshold?: number;
  /** How long the breaker stays open before letting one probe through. Default 5 s. */
  readonly halfOpenAfterMs?: number;
};

export type Resilience = {
  /** Runs `attempt` through the breaker, retrying when `idempotent`. */
  run<T>(idempotent: boolean, attempt: () => Promise<T>): Promise<T>;
  state(): 'closed' | 'open' | 'half-open';
};

/**
 * cockatiel policies around upstream calls: a consecutive-failure breaker shared by every
 * request (fails fast while upstream is down, probes after `halfOpenAfterMs`) around retries
 * with exponential backoff for connection failures and 5xx, so the breaker counts each caller
 * request once, whatever its retries. Timeouts are not retried: a slow
 * upstream would only get slower.
 */
export function createResilience(options: ResilienceOptions = {}): Resilience {
  let policies: Policies | undefined;
  let loading: Promise<Policies> | undefined;
  // cockatiel is loaded on the first upstream call, not with this module: it aborts an
  // AbortController as it is evaluated, and workerd refuses to start a Worker that does that in
  // the global scope ("Disallowed operation called within global scope"), which importing
  // `createProxy` would otherwise do. A failed load is tried again by the next call.
  const load = (): Promise<Policies> =>
    (loading ??= import('cockatiel').then(
      (cockatiel) => (policies = buildPolicies(cockatiel, options)),
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    ));
  return {
    run(idempotent, attempt) {
      return policies
        ? policies.run(idempotent, attempt)
        : load().then((loaded) => loaded.run(idempotent, attempt));
    },
    // No call yet, no failure yet: the breaker starts closed.
    state: () => policies?.state() ?? 'closed',
  };
}

type Policies = Resilience;

function buildPolicies(
  cockatiel: typeof import('cockatiel'),
  options: ResilienceOptions,
): Policies {
  const {
    BrokenCircuitError,
    CircuitState,
    ConsecutiveBreaker,
    circuitBreaker,
    ExponentialBackoff,
    handleWhen,
    retry,
  } = cockatiel;
  const failure = handleWhen(
    (e) =>
      e instanceof UpstreamServerError ||
      e instanceof UpstreamUnavailableError ||
      e instanceof UpstreamTimeoutError,
  );
  const breaker: CircuitBreakerPolicy = circuitBreaker(failure, {
    halfOpenAfter: options.halfOpenAfterMs ?? 5_000,
    breaker: new ConsecutiveBreaker(options.breakerThreshold ?? 5),
  });
  const retries = options.retries ?? 2;
  const retrying: RetryPolicy = retry(
    handleWhen(
      (e) =>
        e instanceof UpstreamServerError || (e instanceof UpstreamUnavailableError && e.retryable),
    ),
    { maxAttempts: retries, backoff: new ExponentialBackoff({ initialDelay: 25, maxDelay: 250 }) },
  );

  /** What the policies throw, as the proxy's own errors. */
  const translate = (error: unknown): never => {
    if (error instanceof BrokenCircuitError) {
      throw new UpstreamUnavailableError('upstream circuit is open after repeated failures');
    }
    if (error instanceof UpstreamServerError) {
      throw new UpstreamUnavailableError(`upstream answered ${error.status}`, error.status);
    }
    throw error;
  };

  return {
    run(idempotent, attempt) {
      // The breaker sees a caller request's outcome after its retries, so its threshold counts
      // caller requests: three failed attempts of one GET are one failure, not three.
      const running =
        idempotent && retries > 0
          ? breaker.execute(() => retrying.execute(attempt))
          : breaker.execute(attempt);
      return running.catch(translate);
    },
    state() {
      const s = breaker.state;
      return s === CircuitState.Closed
        ? 'closed'
        : s === CircuitState.HalfOpen
          ? 'half-open'
          : 'open';
    },
  };
}
