import type {
  AmberfloHooks,
  AmberfloLogger,
  AmberfloRequestEvent,
  AmberfloResponseEvent,
  AmberfloRetryEvent,
  AmberfloValidationWarningEvent,
} from './options.js';

export type Observer = {
  request(event: AmberfloRequestEvent): void;
  response(event: AmberfloResponseEvent): void;
  retry(event: AmberfloRetryEvent): void;
  validationWarning(event: AmberfloValidationWarningEvent): void;
};

/** Runs a hook or log call; observability must never break or slow a request by throwing. */
function safely(fn: () => void): void {
  try {
    fn();
  } catch {
    // ignored on purpose: a broken hook is the caller's bug, not a failed request
  }
}

/**
 * Fans events out to hooks and the logger. Events are built redacted by the caller, so
 * nothing here ever sees the API key.
 */
export function createObserver(hooks: AmberfloHooks = {}, logger?: AmberfloLogger): Observer {
  // 'warn' with nowhere to report would silently behave like 'off'.
  const warn = logger?.warn ?? (hooks.onValidationWarning ? undefined : console.warn.bind(console));
  return {
    request(event) {
      safely(() => hooks.onRequest?.(event));
      safely(() => logger?.debug?.(`amberflo → ${event.method} ${event.path}`, event));
    },
    response(event) {
      safely(() => hooks.onResponse?.(event));
      safely(() =>
        logger?.debug?.(
          `amberflo ← ${event.status} ${event.method} ${event.path} ${Math.round(event.durationMs)}ms`,
          event,
        ),
      );
    },
    retry(event) {
      safely(() => hooks.onRetry?.(event));
      safely(() =>
        logger?.info?.(
          `amberflo retry ${event.attempt} of ${event.method} ${event.path} after ${Math.round(event.delayMs)}ms (${event.reason})`,
          event,
        ),
      );
    },
    validationWarning(event) {
      safely(() => hooks.onValidationWarning?.(event));
      safely(() =>
        warn?.(`amberflo ${event.method} ${event.path}: response does not match the schema`, event),
      );
    },
  };
}
