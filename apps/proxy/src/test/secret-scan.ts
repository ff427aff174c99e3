/** Where each secret appears in `text` (a transcript of responses and log lines). */
export function findSecrets(text: string, secrets: Record<string, string>): string[] {
  const found: string[] = [];
  for (const [name, secret] of Object.entries(secrets)) {
    if (text.includes(secret)) found.push(name);
    // A caller key is also a secret in part: its random body without the prefix.
    else if (secret.startsWith('ak_') && text.includes(secret.slice(3)))
      found.push(`${name} (body)`);
  }
  return found;
}

/** Responses as text: status, every header, body. */
export async function transcript(responses: Response[]): Promise<string> {
  const parts: string[] = [];
  for (const res of responses) {
    parts.push(String(res.status));
    for (const [name, value] of res.headers) parts.push(`${name}: ${value}`);
    parts.push(await res.text());
  }
  return parts.join('\n');
}
