import {
  componentRef,
  createOpenApiDocument,
  type OpenApiResponse,
  type OpenApiSchema,
} from '@amberkit/core/openapi';
import { PricingPlanAssignmentRequest } from '@amberkit/core/schemas';
import * as z from 'zod/mini';

const error = (description: string, headers?: OpenApiResponse['headers']): OpenApiResponse => ({
  description,
  ...(headers ? { headers } : {}),
  content: { 'application/json': { schema: componentRef('ErrorResponse') } },
});
const int = { schema: { type: 'integer' } } as const;

/**
 * Operations upstream answers 404 for an unknown customer (design: update, prepaid order or
 * plan for an unknown customer), beside those whose spec entry lists it already.
 */
const NOT_FOUND_TOO: ReadonlySet<string> = new Set([
  'updateCustomer',
  'createPrepaidOrder',
  'assignPricingPlan',
]);

/**
 * The body the proxy requires of assignPricingPlan: core's request schema (customerId and
 * productId required), where the spec names the response component, which requires nothing.
 */
function pricingPlanAssignmentRequest(): OpenApiSchema {
  const { $schema: _, ...schema } = z.toJSONSchema(PricingPlanAssignmentRequest, {
    target: 'openapi-3.0',
    io: 'input',
  }) as Record<string, unknown>;
  return {
    ...schema,
    description:
      'Assignment of a pricing plan to a customer, as the proxy accepts it (customerId and productId required)',
  };
}

/**
 * Core's OpenAPI document as the proxy serves it: callers authenticate with their own key
 * (Bearer or X-API-KEY), and every operation lists the proxy's own answers.
 */
export function proxyOpenApiDocument(serverUrl = '/') {
  const doc = createOpenApiDocument({
    title: 'Amberflo Billing API (via amberkit-proxy)',
    description:
      'The Amberflo Billing API behind amberkit-proxy. Authenticate with a proxy caller key (ak_…), never an Amberflo key.',
    // Relative by default: the proxy's own address, never Amberflo's (callers must not go
    // around the proxy, and their ak_ keys are worthless there).
    servers: [{ url: serverUrl, description: 'This proxy' }],
    securitySchemes: {
      BearerAuth: {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'ak_ caller key',
        description: 'Proxy caller key',
      },
      CallerApiKey: {
        type: 'apiKey',
        in: 'header',
        name: 'X-API-KEY',
        description: 'Proxy caller key (ak_…)',
      },
    },
    security: [{ BearerAuth: [] }, { CallerApiKey: [] }],
    extraResponses: ({ method, operationId }) => ({
      '400': error(
        'Validation failed (VALIDATION_FAILED, with issues naming each field or parameter): a body or query that fails the schema, malformed JSON, a key given twice in one object, or a query parameter the operation does not take',
      ),
      ...(NOT_FOUND_TOO.has(operationId) ? { '404': error('Unknown customer (NOT_FOUND)') } : {}),
      '401': error(
        'Missing, unknown or expired caller key (UNAUTHORIZED); WWW-Authenticate is set',
        {
          'WWW-Authenticate': { schema: { type: 'string' } },
        },
      ),
      '403': error('The caller key lacks the scope this operation needs (FORBIDDEN)'),
      ...(method === 'post' || method === 'put'
        ? { '413': error('Request body too large (PAYLOAD_TOO_LARGE)') }
        : {}),
      '429': error('Rate limited (RATE_LIMITED)', {
        'Retry-After': int,
        'RateLimit-Limit': int,
        'RateLimit-Remaining': int,
        'RateLimit-Reset': int,
      }),
      '502': error(
        'Upstream unavailable (UPSTREAM_UNAVAILABLE) or rejected the proxy credentials (UPSTREAM_AUTH)',
      ),
      '504': error('Upstream timed out (UPSTREAM_TIMEOUT)'),
    }),
  });
  // Core's scheme is the Amberflo key; through the proxy only caller keys are accepted.
  delete doc.components.securitySchemes.ApiKeyAuth;
  doc.components.schemas.PricingPlanAssignmentRequest = pricingPlanAssignmentRequest();
  const assign = doc.paths['/payments-pricing-amberflo-customer-pricing']?.post?.requestBody;
  const media = assign?.content['application/json'];
  if (media) media.schema = { $ref: '#/components/schemas/PricingPlanAssignmentRequest' };
  return doc;
}
