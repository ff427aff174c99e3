const MASK = '***';

/**
 * Replaces every occurrence of a secret in a string. Applied to anything built from data we
 * do not control (error bodies echoed by a server, custom header values), so a key can
 * never reach a log line, a hook or an error message.
 */
export function redactText(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length > 0) out = out.split(secret).join(MASK);
  }
  return out;
}

/** Headers as a plain object for hooks: the key header masked, any value holding a secret masked. */
export function redactHeaders(
  headers: Headers,
  secrets: readonly string[],
): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    out[name] = name.toLowerCase() === 'x-api-key' ? MASK : redactText(value, secrets);
  });
  return out;
}
