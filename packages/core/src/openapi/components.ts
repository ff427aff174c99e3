import * as z from 'zod/mini';
import { Address } from '../schemas/address.js';
import { Customer, CustomerRequest } from '../schemas/customer.js';
import { ErrorResponse } from '../schemas/error-response.js';
import { Invoice } from '../schemas/invoice.js';
import { PrepaidOrder, PrepaidOrderRequest } from '../schemas/prepaid-order.js';
import { PricingPlanAssignment } from '../schemas/pricing-plan-assignment.js';
import type { OpenApiSchema } from './types.js';

/** The spec's eight components, by the name the spec gives them. */
export const COMPONENT_SCHEMAS = {
  Customer,
  CustomerRequest,
  Address,
  Invoice,
  PrepaidOrder,
  PrepaidOrderRequest,
  PricingPlanAssignment,
  ErrorResponse,
} as const;

export type ComponentName = keyof typeof COMPONENT_SCHEMAS;

/** `#/components/schemas/Customer` for a component name. */
export const componentRef = (name: ComponentName): OpenApiSchema => ({
  $ref: `#/components/schemas/${name}`,
});

/**
 * JSON Schema (OpenAPI 3.0 dialect) of every component. `io: 'input'` because the wire JSON
 * is what the schemas *parse*: both request bodies and responses are zod inputs, so the input
 * side is what a peer may send (unknown keys allowed), not the TypeScript value we hand back.
 */
export function componentSchemas(): Record<ComponentName, OpenApiSchema> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(COMPONENT_SCHEMAS)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, {
    target: 'openapi-3.0',
    io: 'input',
    uri: (id) => `#/components/schemas/${id}`,
  });
  const out: Partial<Record<ComponentName, OpenApiSchema>> = {};
  for (const name of Object.keys(COMPONENT_SCHEMAS) as ComponentName[]) {
    out[name] = tidy(schemas[name]) as OpenApiSchema;
  }
  return out as Record<ComponentName, OpenApiSchema>;
}

/**
 * OpenAPI 3.0 has no `$id`, and zod wraps an optional `$ref` in a one-element `allOf` (3.0
 * forbids siblings beside `$ref`); a bare `$ref` reads as the spec does. A loose object's
 * `additionalProperties: {}` is what 3.0 assumes when it is left out, as the spec does.
 */
function tidy(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(tidy);
  if (node === null || typeof node !== 'object') return node;
  const { $id: _id, ...rest } = node as Record<string, unknown>;
  const extra = rest.additionalProperties;
  if (isEmptyObject(extra)) delete rest.additionalProperties;
  const { allOf } = rest;
  if (Array.isArray(allOf) && allOf.length === 1 && Object.keys(rest).length === 1) {
    return tidy(allOf[0]);
  }
  return Object.fromEntries(Object.entries(rest).map(([key, value]) => [key, tidy(value)]));
}

const isEmptyObject = (value: unknown) =>
  value !== null && typeof value === 'object' && Object.keys(value).length === 0;
