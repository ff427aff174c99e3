import * as z from 'zod/mini';

/** What the spec says of a schema: description, example, format, deprecation, component id. */
export type SchemaDoc = {
  id?: string;
  description?: string;
  example?: unknown;
  format?: string;
  deprecated?: boolean;
};

/**
 * Attaches the spec's documentation to a schema through zod's global registry, which is what
 * `z.toJSONSchema` reads. the registry (rather than the `describe`/`meta` checks) adds nothing
 * to the parse path: the hot loop of a 10,000-customer list stays free of no-op checks.
 */
export function doc<T extends z.ZodMiniType>(schema: T, meta: SchemaDoc): T {
  z.globalRegistry.add(schema, meta);
  return schema;
}

/**
 * Keeps a schema's checks at parse time but out of its JSON Schema, which then shows only the
 * spec's `type` (plus what {@link doc} attaches): core's OpenAPI document must stay the spec's.
 * For three cases only: request bodies we hold stricter than the spec (an empty `customerId`
 * is better refused here than upstream); `z.int()`'s safe-integer range, which JavaScript
 * imposes and the spec's `int64` does not state; and how a `format` the spec names is checked
 * (zod's email patterns for `format: email`, which the JSON Schema shows as the format alone).
 * Never to hold a response to more than the spec: a response must accept whatever the spec
 * allows (spec-conformance.test.ts checks both).
 */
export function beyondSpec<T extends z.ZodMiniType>(
  schema: T,
  type: 'string' | 'number' | 'integer',
): T {
  return specJsonSchema(schema, { type });
}

/**
 * The JSON Schema the spec gives for a schema that parses more than that, for the one case of
 * a read tolerance: `lifecycleStage` accepts the live API's `TRIAL`, and the document lists the
 * spec's stages only.
 */
export function specJsonSchema<T extends z.ZodMiniType>(
  schema: T,
  json: { type: 'string' | 'number' | 'integer'; enum?: readonly string[] },
): T {
  schema._zod.toJSONSchema = () => ({ ...json, ...(json.enum ? { enum: [...json.enum] } : {}) });
  // `.check()` links a clone to its unchecked original, which zod's JSON Schema pass then
  // follows; with the override it never visits that original and fails on it. The original
  // carries no metadata (`doc` annotates the checked schema), so nothing is lost.
  schema._zod.parent = undefined;
  return schema;
}

/** The spec's `type: integer`: any safe integer, with no range in the JSON Schema. */
export const integer = () => beyondSpec(z.int(), 'integer');
