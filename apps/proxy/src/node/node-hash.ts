import { createHash } from 'node:crypto';

/** `sha256:<hex>` with node:crypto: synchronous, the same digest as the Web Crypto default. */
export function nodeHashKey(key: string): string {
  return `sha256:${createHash('sha256').update(key).digest('hex')}`;
}
