const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/** 32 base62 characters carry about 190 bits, well above the 128 asked for. */
const LENGTH = 32;

/** The prefix that makes leaked keys easy to find for secret scanners. */
export const KEY_PREFIX = 'ak_';

/**
 * A new caller key: `ak_` + 32 base62 characters from `crypto.getRandomValues`. Rejection
 * sampling (bytes ≥ 248 are drawn again) keeps every character equally likely.
 */
export function generateKey(): string {
  let out = KEY_PREFIX;
  while (out.length < KEY_PREFIX.length + LENGTH) {
    for (const byte of crypto.getRandomValues(new Uint8Array(LENGTH))) {
      if (byte >= 248) continue;
      out += ALPHABET[byte % 62];
      if (out.length === KEY_PREFIX.length + LENGTH) break;
    }
  }
  return out;
}
