import { readFile } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { describeIssues, toErrorIssues } from '@amberkit/core/schemas';
import type * as z from 'zod/mini';
import { UsageError } from './errors.js';

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) {
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  }
  return Buffer.concat(chunks);
}

/** Refuses bytes that are not UTF-8, instead of storing U+FFFD where they were. */
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads a JSON object from `--body FILE` or `--body -` (stdin). Unreadable files, invalid
 * JSON or a non-object are usage errors.
 */
export async function readBody(source: string, stdin: Readable): Promise<Record<string, unknown>> {
  const label = source === '-' ? 'stdin' : source;
  let bytes: Buffer;
  try {
    bytes = source === '-' ? await readAll(stdin) : await readFile(source);
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : 'error';
    throw new UsageError(`--body: cannot read ${label} (${code})`);
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new UsageError(`--body: ${label} is not valid UTF-8; save it as UTF-8`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new UsageError(`--body: ${label} is not valid JSON`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new UsageError(`--body: ${label} must hold one JSON object`);
  }
  return json as Record<string, unknown>;
}

/**
 * Validates input with one of core's schemas; a failure names every offending field, with
 * the flag that sets it when there is one (`customerEmail (--email): Invalid email address`).
 */
export function validateInput<S extends z.ZodMiniType>(
  schema: S,
  value: unknown,
  flagFor: Readonly<Record<string, string>> = {},
): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issues = toErrorIssues(result.error, value).map((issue) => {
      const flag = Object.hasOwn(flagFor, issue.path) ? flagFor[issue.path] : undefined;
      return flag === undefined ? issue : { ...issue, path: `${issue.path} (${flag})` };
    });
    throw new UsageError(`invalid input: ${describeIssues(issues)}`);
  }
  return result.data;
}
