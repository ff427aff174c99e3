import { createHash, hash } from 'node:crypto';

/**
 * `sha256:<hex>` with node:crypto: synchronous, the same digest as the Web Crypto default.
 * `crypto.hash` (Node 20.12+) is the one-shot form, cheaper than a Hash object per key.
 */
export const nodeHashKey: (key: string) => string =
  typeof hash === 'function'
    ? (key) => `sha256:${hash('sha256', key, 'hex')}`
    : (key) => `sha256:${createHash('sha256').update(key).digest('hex')}`;
