/** Upstream did not answer within the timeout. */
export class UpstreamTimeoutError extends Error {
  override name = 'UpstreamTimeoutError' as const;
}

/** Upstream could not be reached, answered 5xx, or the breaker is open. */
export class UpstreamUnavailableError extends Error {
  override name = 'UpstreamUnavailableError' as const;
  constructor(
    message: string,
    readonly status?: number,
    /**
     * False when upstream answered, but not as the API does — a redirect (never followed: the
     * Amberflo key would go along) or a 2xx body that is not JSON (a captive portal's or a
     * WAF's page): another attempt would get the same. The breaker still counts it.
     */
    readonly retryable = true,
  ) {
    super(message);
  }
}

/** Thrown inside the resilience policies for a 5xx, so retry and breaker count it. */
export class UpstreamServerError extends Error {
  override name = 'UpstreamServerError' as const;
  constructor(readonly status: number) {
    super(`upstream answered ${status}`);
  }
}

export type UpstreamFailure = UpstreamTimeoutError | UpstreamUnavailableError;

export function isUpstreamFailure(error: unknown): error is UpstreamFailure {
  return error instanceof UpstreamTimeoutError || error instanceof UpstreamUnavailableError;
}
