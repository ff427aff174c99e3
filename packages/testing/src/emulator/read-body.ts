import { describeIssues, toErrorIssues } from '@amberkit/core/schemas';
import type * as z from 'zod/mini';
import { HttpProblem } from './problem.js';

/** Bodies above this size get 413: the spec's bodies are tiny, so 1 MiB is generous. */
export const MAX_BODY_BYTES = 1024 * 1024;
/** Deeper JSON is refused so stored data can always be serialised again. */
export const MAX_JSON_DEPTH = 32;

const invalid = (path: string, message: string) =>
  new HttpProblem(400, 'VALIDATION_FAILED', `Invalid request body: ${message}`, [
    { path, message },
  ]);

async function readText(request: Request): Promise<string> {
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > MAX_BODY_BYTES) throw tooLarge();
  if (!request.body) return '';
  const reader = request.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}

const tooLarge = () =>
  new HttpProblem(413, 'PAYLOAD_TOO_LARGE', `Request body is larger than ${MAX_BODY_BYTES} bytes`);

function depthOf(value: unknown): number {
  // Iterative, so hostile nesting cannot overflow the stack while we measure it.
  let max = 0;
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [unknown, number];
    if (node === null || typeof node !== 'object') continue;
    if (depth > max) max = depth;
    if (max > MAX_JSON_DEPTH) return max;
    for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
  return max;
}

/** Parses JSON text into a value, answering 400 for empty, malformed or too deep input. */
function parseJsonText(text: string): unknown {
  if (text.trim() === '') throw invalid('(body)', 'the body is empty; send a JSON object');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw invalid('(body)', `malformed JSON (${(error as Error).message})`);
  }
  if (depthOf(value) > MAX_JSON_DEPTH)
    throw invalid('(body)', `JSON nested deeper than ${MAX_JSON_DEPTH} levels`);
  return value;
}

/**
 * Reads a JSON body and validates it with `schema`: wrong content type, malformed JSON or a
 * schema failure is a 400 `VALIDATION_FAILED` naming the fields; an oversized body is a 413.
 */
export async function readJsonBody<S extends z.ZodMiniType>(
  request: Request,
  schema: S,
  options: { optional?: boolean } = {},
): Promise<z.output<S>> {
  const type = request.headers.get('content-type');
  const text = await readText(request);
  if (options.optional && text.trim() === '') return schema.parse({});
  if (!type || !/^application\/(?:[\w.+-]+\+)?json\b/i.test(type.trim())) {
    throw invalid(
      '(body)',
      `Content-Type must be application/json (got ${type ? JSON.stringify(type) : 'none'})`,
    );
  }
  const body = parseJsonText(text);
  const result = schema.safeParse(body);
  if (!result.success) {
    const issues = toErrorIssues(result.error, body);
    throw new HttpProblem(
      400,
      'VALIDATION_FAILED',
      `Invalid request body: ${describeIssues(issues)}`,
      issues,
    );
  }
  return result.data;
}
