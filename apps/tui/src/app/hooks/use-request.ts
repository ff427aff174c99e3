import { type DependencyList, useCallback, useEffect, useRef, useState } from 'react';

/** The person pressed Esc while a request was on its way. */
export class CancelledError extends Error {
  override name = 'CancelledError' as const;
}

/** `loadedAt` is when `data` arrived: after a failed refresh, how old what is shown is. */
export type RequestState<T> =
  | { readonly status: 'loading'; readonly data?: T | undefined; readonly loadedAt?: Date }
  | { readonly status: 'success'; readonly data: T; readonly loadedAt: Date }
  | {
      readonly status: 'error';
      readonly error: unknown;
      readonly data?: T | undefined;
      readonly loadedAt?: Date;
    };

/** A refresh that failed or was cancelled: the last good data, still shown, and its age. */
export type Stale<T> = { readonly data: T; readonly loadedAt: Date; readonly error: unknown };

/** The stale data of a request, if its last refresh failed after an earlier load succeeded. */
export function staleOf<T>(state: RequestState<T>): Stale<T> | undefined {
  if (state.status !== 'error' || state.data === undefined || state.loadedAt === undefined)
    return undefined;
  return { data: state.data, loadedAt: state.loadedAt, error: state.error };
}

/**
 * Runs `load` when `deps` change (or on `reload()`), aborting the previous run. The last data
 * stays available while reloading and after a failure or a cancel, so a refresh never blanks
 * the screen: views show it with a stale notice ({@link staleOf}).
 */
export function useRequest<T>(
  load: (signal: AbortSignal) => Promise<T>,
  deps: DependencyList,
): RequestState<T> & { reload(): void; cancel(): void } {
  const [state, setState] = useState<RequestState<T>>({ status: 'loading' });
  const [nonce, setNonce] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const running = useRef<AbortController | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    running.current = controller;
    setState((current) =>
      current.status === 'loading' ? current : { ...current, status: 'loading' },
    );
    loadRef.current(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ status: 'success', data, loadedAt: new Date() });
      },
      (error: unknown) => {
        if (!controller.signal.aborted)
          setState((current) => ({ ...current, status: 'error', error }));
      },
    );
    return () => controller.abort();
  }, [...deps, nonce]);
  const reload = useCallback(() => setNonce((n) => n + 1), []);
  // Esc on a load that hangs: stop waiting (the client gets the abort) and say so. A refresh
  // keeps what it had: the view marks it stale.
  const cancel = useCallback(() => {
    const controller = running.current;
    if (controller === null || controller.signal.aborted) return;
    controller.abort();
    setState((current) =>
      current.status === 'loading'
        ? {
            ...current,
            status: 'error',
            error: new CancelledError(
              current.data === undefined ? 'Cancelled: nothing was loaded.' : 'Refresh cancelled.',
            ),
          }
        : current,
    );
  }, []);
  return { ...state, reload, cancel };
}

export type Mutation<A, R> = {
  readonly pending: boolean;
  readonly error: unknown;
  /** Resolves to `{ value }`, or undefined when it failed (the error is then in `error`). */
  run(args: A): Promise<{ readonly value: R } | undefined>;
  clearError(): void;
  /** Stops waiting for the write in flight (Esc); its error then says it may have been applied. */
  cancel(): void;
};

const CANCELLED_WRITE =
  'Cancelled while waiting for the server: the change may still have been applied. Refresh to check before trying again.';

/** A write: one at a time, aborted on unmount or by `cancel()`, error kept for display. */
export function useMutation<A, R>(
  send: (args: A, signal: AbortSignal) => Promise<R>,
): Mutation<A, R> {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const running = useRef<{ controller: AbortController; cancelled: boolean } | null>(null);
  const mounted = useRef(true);
  const sendRef = useRef(send);
  sendRef.current = send;
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      running.current?.controller.abort();
    };
  }, []);
  const run = useCallback(async (args: A) => {
    const current = { controller: new AbortController(), cancelled: false };
    running.current = current;
    setPending(true);
    setError(undefined);
    try {
      return { value: await sendRef.current(args, current.controller.signal) };
    } catch (caught) {
      if (mounted.current)
        setError(current.cancelled ? new CancelledError(CANCELLED_WRITE) : caught);
      return undefined;
    } finally {
      if (running.current === current) running.current = null;
      if (mounted.current) setPending(false);
    }
  }, []);
  const clearError = useCallback(() => setError(undefined), []);
  const cancel = useCallback(() => {
    const current = running.current;
    if (current === null) return;
    current.cancelled = true;
    current.controller.abort();
  }, []);
  return { pending, error, run, clearError, cancel };
}
