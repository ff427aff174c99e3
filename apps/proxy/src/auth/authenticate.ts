import type { ErrorCode } from '@amberkit/core/schemas';
import { hashKey } from '../keys/hash-key.js';
import type { KeyRing, ResolvedKey } from '../keys/key-ring.js';
import { hasScope, type Scope } from './scopes.js';

export type AuthFailure = {
  readonly status: 401 | 403;
  readonly code: ErrorCode;
  readonly message: string;
  readonly headers: Record<string, string>;
};
export type AuthResult =
  | { readonly ok: true; readonly key: ResolvedKey }
  | ({ readonly ok: false } & AuthFailure);

const REALM = 'Bearer realm="amberkit-proxy"';

const unauthorized = (message: string, error?: string): AuthResult => ({
  ok: false,
  status: 401,
  code: 'UNAUTHORIZED',
  message,
  headers: { 'www-authenticate': error ? `${REALM}, error="${error}"` : REALM },
});

/**
 * Looks the presented key up by its SHA-256 hash (the key itself is never compared), then
 * checks expiry and scope. Missing, unknown and expired keys are 401; a known key without the
 * scope is 403.
 */
export async function authenticate(
  presented: string | undefined,
  ring: KeyRing,
  required: Scope,
  now: number,
  hash: (key: string) => string | Promise<string> = hashKey,
  authorization?: string,
): Promise<AuthResult> {
  if (presented === undefined) {
    // An Authorization header that is not one `Bearer <key>` (another scheme, a key sent twice,
    // which reads joined, or words after it) is a malformed credential, not a missing one.
    return authorization
      ? unauthorized(
          'Authorization must be "Bearer <key>": one caller key, sent once (or send X-API-KEY: <key>)',
          'invalid_request',
        )
      : unauthorized(
          'A caller key is required: send Authorization: Bearer <key> or X-API-KEY: <key>',
        );
  }
  return authorize(ring.get(await hash(presented)), required, now);
}

/**
 * The checks after the lookup, synchronous so the Node fast path applies exactly the same
 * rules as the app: unknown or expired → 401, a known key without the scope → 403.
 */
export function authorize(key: ResolvedKey | undefined, required: Scope, now: number): AuthResult {
  if (!key) return unauthorized('The caller key is not recognised', 'invalid_token');
  if (key.expiresAtMs !== null && key.expiresAtMs <= now) {
    return unauthorized(
      `The caller key "${key.name}" expired at ${key.expiresAt}`,
      'invalid_token',
    );
  }
  if (!hasScope(key.scopes, required)) {
    return {
      ok: false,
      status: 403,
      code: 'FORBIDDEN',
      message: `The caller key "${key.name}" lacks the ${required} scope`,
      headers: {},
    };
  }
  return { ok: true, key };
}
