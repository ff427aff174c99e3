import * as z from 'zod/mini';
import { beyondSpec } from '../schemas/doc.js';
import type { OpenApiParameter } from './types.js';

/** Zod schemas of the spec's path and query parameters (bodies are components). */
export const PARAMETER_SCHEMAS = {
  // Non-empty is ours, not the spec's: checked, but not written into the document.
  customerId: beyondSpec(z.string().check(z.minLength(1)), 'string'),
  autoCreateCustomerInStripe: z.enum(['if_payment_provider']),
} as const;

export type ParameterName = keyof typeof PARAMETER_SCHEMAS;

/** One parameter object, its schema generated from {@link PARAMETER_SCHEMAS}. */
export function parameter(
  name: ParameterName,
  where: OpenApiParameter['in'],
  required: boolean,
  description: string,
  example: string,
): OpenApiParameter {
  const { $schema: _dialect, ...schema } = z.toJSONSchema(PARAMETER_SCHEMAS[name], {
    target: 'openapi-3.0',
    io: 'input',
  });
  return { name, in: where, required, description, schema, example };
}
