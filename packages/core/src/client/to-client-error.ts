import { HTTPError } from 'ky';
import { AbortError, ConnectionError, TimeoutError } from './error-classes.js';
import { type CallContext, errorFromResponse } from './error-from-response.js';
import { type AmberfloError, isAmberfloError } from './errors.js';
import { redactError, redactText } from './redact.js';

export type FailureState = {
  callerSignal: AbortSignal | undefined;
  deadline: AbortSignal;
  timeoutMs: number;
  attempts: number;
};

/**
 * Turns whatever ky, fetch or a signal threw into one of our classes. Signals are checked
 * before the error's type: an abort surfaces as a DOMException, a TypeError or a rejected
 * backoff wait depending on the runtime and the moment, but the signal always knows.
 */
export async function toClientError(
  error: unknown,
  ctx: CallContext,
  state: FailureState,
): Promise<AmberfloError> {
  if (isAmberfloError(error)) return error;
  // Never ky's HTTPError as a cause: it holds the request and its options, key included.
  const base = { method: ctx.method, path: ctx.path };
  const aborted = state.callerSignal?.aborted || state.deadline.aborted;
  // An unread body of a response we no longer need would reject later, unhandled.
  if (aborted && error instanceof HTTPError) void error.response.body?.cancel().catch(() => {});
  const tries = `${state.attempts} attempt${state.attempts === 1 ? '' : 's'}`;
  if (state.callerSignal?.aborted) {
    return new AbortError({
      ...base,
      cause: state.callerSignal.reason,
      code: 'ABORTED',
      message: `${ctx.method} ${ctx.path} aborted by the caller after ${tries}`,
    });
  }
  if (state.deadline.aborted) {
    return new TimeoutError({
      ...base,
      cause: state.deadline.reason,
      code: 'TIMEOUT',
      message: `${ctx.method} ${ctx.path} did not finish within ${state.timeoutMs} ms (${tries})`,
    });
  }
  if (error instanceof HTTPError) return errorFromResponse(error.response, ctx);
  const reason = error instanceof Error ? describeNetworkError(error) : String(error);
  return new ConnectionError({
    ...base,
    // What fetch threw, kept for its details (undici's `cause.code`), masked if a custom
    // fetch put the key in it.
    cause: redactError(error, ctx.secrets),
    code: 'CONNECTION_FAILED',
    message: redactText(`${ctx.method} ${ctx.path} failed: ${reason} (${tries})`, ctx.secrets),
  });
}

/** undici hides the useful part (`ECONNREFUSED 127.0.0.1:1`) in `cause`. */
function describeNetworkError(error: Error): string {
  const cause = error.cause;
  if (cause instanceof Error && cause.message) return `${error.message}: ${cause.message}`;
  return error.message;
}
