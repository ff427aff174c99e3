import {
  BrokenCircuitError,
  CircuitState,
  ConsecutiveBreaker,
  circuitBreaker,
  ExponentialBackoff,
  handleWhen,
  retry,
} from 'cockatiel';
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
  const failure = handleWhen(
    (e) =>
      e instanceof UpstreamServerError ||
      e instanceof UpstreamUnavailableError ||
      e instanceof UpstreamTimeoutError,
  );
  const breaker = circuitBreaker(failure, {
    halfOpenAfter: options.halfOpenAfterMs ?? 5_000,
    breaker: new ConsecutiveBreaker(options.breakerThreshold ?? 5),
  });
  const retries = options.retries ?? 2;
  const retrying = retry(
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
