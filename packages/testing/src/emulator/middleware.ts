import { type ErrorCode, errorCodeForStatus } from '@amberkit/core/schemas';
import type { MiddlewareHandler } from 'hono';
import type { Account } from './account.js';
import { matchFaults } from './fault-rules.js';
import { HttpProblem, problemResponse } from './problem.js';
import { ADMIN_PREFIX } from './routes/admin.js';
import type { EmulatorContext, EmulatorEnv, EmulatorState } from './state.js';
import type { RequestLogEntry } from './types.js';

/** Errors that must reach the caller as a rejected fetch, past Hono's error handler. */
export const transportErrors = new WeakSet<object>();
/** Stand-in responses for connections we destroyed; logged with status 0. */
const cutResponses = new WeakSet<Response>();

/** Ends a request without an answer: destroys the socket over TCP, rejects like fetch in-process. */
function cutOff(c: EmulatorContext, signal: AbortSignal, aborted: boolean): Response {
  const socket = c.env?.incoming?.socket;
  if (socket) {
    socket.destroy();
    const response = new Response(null, { status: 204 });
    cutResponses.add(response);
    return response;
  }
  const error: unknown = aborted
    ? (signal.reason ?? new DOMException('This operation was aborted', 'AbortError'))
    : new TypeError('fetch failed', { cause: new Error('emulator fault: connection dropped') });
  if (typeof error === 'object' && error !== null) transportErrors.add(error);
  throw error;
}

/**
 * The code of an injected status. core gives every 4xx it has no code for VALIDATION_FAILED,
 * which an injected 408 or 418 is not: those get `HTTP_<status>`, the code core's client
 * derives for such a status when a body names none.
 */
function faultCode(status: number): ErrorCode | `HTTP_${number}` {
  const code = errorCodeForStatus(status);
  return code === 'VALIDATION_FAILED' && status !== 400 && status !== 422 ? `HTTP_${status}` : code;
}

async function applyFaults(c: EmulatorContext, state: EmulatorState, method: string, path: string) {
  const { latencyMs, outcome } = matchFaults(state.faults, method, path, () => state.faultRandom());
  const signal = c.req.raw.signal;
  if (latencyMs > 0) {
    const result = await state.waiters.wait(latencyMs, signal);
    if (result !== 'elapsed') return cutOff(c, signal, result === 'aborted');
  }
  if (!outcome) return undefined;
  if (outcome.hang)
    return cutOff(
      c,
      signal,
      (await state.waiters.wait(Number.POSITIVE_INFINITY, signal)) === 'aborted',
    );
  if (outcome.drop) return cutOff(c, signal, false);
  const status = outcome.status ?? 500;
  const retryAfter = outcome.retryAfterSeconds ?? (status === 429 ? 1 : undefined);
  const headers = retryAfter === undefined ? undefined : { 'retry-after': String(retryAfter) };
  const message = `Injected fault: ${status} from the emulator's fault rules`;
  return problemResponse(
    c.get('requestId'),
    new HttpProblem(status, faultCode(status), message, undefined, headers),
  );
}

const REQUEST_ID = /^[\w.:-]{1,128}$/;

/**
 * One middleware for the whole request path (cheaper than a chain): request id, admin bypass,
 * faults, `X-API-KEY` → account, then the request log.
 */
export function emulatorMiddleware(state: EmulatorState): MiddlewareHandler<EmulatorEnv> {
  return async function emulator(c, next) {
    // A caller's well-formed id (a proxy forwarding its own) is kept, so both logs line up.
    const incoming = c.req.header('x-request-id');
    const requestId =
      incoming !== undefined && REQUEST_ID.test(incoming) ? incoming : state.nextId('req');
    c.set('requestId', requestId);
    // A data file that cannot be loaded is the emulator's own state, not the caller's input:
    // 503, every request, saying what to fix (listen() refuses to start on it).
    if (state.ready) {
      await state.ready.catch((error: Error) => {
        throw new HttpProblem(503, 'INTERNAL', `Emulator not ready: ${error.message}`);
      });
    }
    const path = c.req.path;
    if (path.startsWith(ADMIN_PREFIX)) return next();
    const method = c.req.method;
    const url = c.req.url;
    const entry: RequestLogEntry = {
      method,
      path,
      query: url.includes('?') ? c.req.query() : {},
      status: 0,
      time: state.clock(),
      requestId,
      account: null,
    };
    // On Node, read Node's parsed headers: building a Fetch Headers object costs more than
    // the whole lookup (it is the one header the hot path needs).
    const nodeKey = c.env?.incoming?.headers?.['x-api-key'];
    const key = c.env?.incoming
      ? Array.isArray(nodeKey)
        ? nodeKey[0]
        : nodeKey
      : c.req.header('x-api-key');
    const account: Account | undefined = key === undefined ? undefined : state.accounts.get(key);
    // The account is known before faults apply, so a faulted or hung request is logged with it.
    if (account !== undefined) entry.account = account.label;
    // Logged on arrival (status 0 until answered), so a hung request shows up in the log.
    state.log.push(entry);
    let response = state.faults.length > 0 ? await applyFaults(c, state, method, path) : undefined;
    if (response === undefined) {
      if (account === undefined) {
        const message =
          key === undefined
            ? 'Missing X-API-KEY header'
            : 'The X-API-KEY header does not match any account';
        response = problemResponse(requestId, new HttpProblem(401, 'UNAUTHORIZED', message));
      } else {
        c.set('account', account);
        await next();
        entry.status = c.res.status;
        return;
      }
    }
    entry.status = cutResponses.has(response) ? 0 : response.status;
    return response;
  };
}
