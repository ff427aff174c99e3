const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const encoder = new TextEncoder();

/**
 * `sha256:<hex>` of a caller key, with Web Crypto so it runs on every runtime. Lookups go by
 * this hash, so the presented key is never compared or stored.
 */
export async function hashKey(key: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(key)));
  let hex = 'sha256:';
  for (const byte of digest) hex += HEX[byte];
  return hex;
}
