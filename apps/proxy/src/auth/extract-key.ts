/**
 * The caller's key from `Authorization: Bearer <key>` or `X-API-KEY: <key>`, so existing
 * Amberflo clients only change their base URL. Bearer wins when both are sent.
 */
export function extractKey(
  authorization: string | undefined,
  apiKeyHeader: string | undefined,
): string | undefined {
  if (authorization) {
    const match = /^Bearer[ ]+(\S+)\s*$/i.exec(authorization);
    if (match) return match[1];
  }
  const key = apiKeyHeader?.trim();
  return key ? key : undefined;
}
