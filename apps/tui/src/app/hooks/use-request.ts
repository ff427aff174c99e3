import { type DependencyList, useCallback, useEffect, useRef, useState } from 'react';

export type RequestState<T> =
  | { readonly status: 'loading'; readonly data?: T | undefined }
  | { readonly status: 'success'; readonly data: T }
  | { readonly status: 'error'; readonly error: unknown; readonly data?: T | undefined };

/**
 * Runs `load` when `deps` change (or on `reload()`), aborting the previous run. The last data
 * stays available while reloading and after a failure, so a refresh never blanks the screen.
 */
export function useRequest<T>(
  load: (signal: AbortSignal) => Promise<T>,
  deps: DependencyList,
): RequestState<T> & { reload(): void } {
  const [state, setState] = useState<RequestState<T>>({ status: 'loading' });
  const [nonce, setNonce] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  useEffect(() => {
    const controller = new AbortController();
    setState((current) =>
      current.status === 'loading' ? current : { status: 'loading', data: current.data },
    );
    loadRef.current(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ status: 'success', data });
      },
      (error: unknown) => {
        if (!controller.signal.aborted)
          setState((current) => ({ status: 'error', error, data: current.data }));
      },
    );
    return () => controller.abort();
  }, [...deps, nonce]);
  const reload = useCallback(() => setNonce((n) => n + 1), []);
  return { ...state, reload };
}

export type Mutation<A, R> = {
  readonly pending: boolean;
  readonly error: unknown;
  /** Resolves to `{ value }`, or undefined when it failed (the error is then in `error`). */
  run(args: A): Promise<{ readonly value: R } | undefined>;
  clearError(): void;
};

/** A write: one at a time, aborted on unmount, error kept for display. */
export function useMutation<A, R>(
  send: (args: A, signal: AbortSignal) => Promise<R>,
): Mutation<A, R> {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const controller = useRef(new AbortController());
  const sendRef = useRef(send);
  sendRef.current = send;
  useEffect(() => {
    const current = new AbortController();
    controller.current = current;
    return () => current.abort();
  }, []);
  const run = useCallback(async (args: A) => {
    setPending(true);
    setError(undefined);
    try {
      return { value: await sendRef.current(args, controller.current.signal) };
    } catch (caught) {
      if (!controller.current.signal.aborted) setError(caught);
      return undefined;
    } finally {
      if (!controller.current.signal.aborted) setPending(false);
    }
  }, []);
  const clearError = useCallback(() => setError(undefined), []);
  return { pending, error, run, clearError };
}
