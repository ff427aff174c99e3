/** Where a presented key was found. */
export type PresentedKey = { readonly key: string; readonly header: 'authorization' | 'x-api-key' };

/**
 * The caller's key and the header it came from: `Authorization: Bearer <key>`, else
 * `X-API-KEY: <key>` (so existing Amberflo clients only change their base URL). Bearer wins
 * when both are sent.
 */
export function presentedKey(
  authorization: string | undefined,
  apiKeyHeader: string | undefined,
): PresentedKey | undefined {
  if (authorization) {
    const match = /^Bearer[ ]+(\S+)\s*$/i.exec(authorization);
    if (match) return { key: match[1]!, header: 'authorization' };
  }
  const key = apiKeyHeader?.trim();
  return key ? { key, header: 'x-api-key' } : undefined;
}

/** The caller's key, as {@link presentedKey} finds it. */
export function extractKey(
  authorization: string | undefined,
  apiKeyHeader: string | undefined,
): string | undefined {
  return presentedKey(authorization, apiKeyHeader)?.key;
}
