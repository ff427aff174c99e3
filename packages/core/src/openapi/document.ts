import { componentSchemas } from './components.js';
import { specPaths } from './operations.js';
import type {
  HttpMethod,
  OpenApiDocument,
  OpenApiResponse,
  OpenApiSecurityRequirement,
  OpenApiSecurityScheme,
  OpenApiServer,
} from './types.js';

/** Which operation an `extraResponses` function is asked about. */
export type OperationRef = { path: string; method: HttpMethod; operationId: string };

export type OpenApiDocumentOptions = {
  /** Defaults to the spec's `Amberflo Billing API`. */
  title?: string;
  /** Defaults to the spec's `1.0.0`. */
  version?: string;
  description?: string;
  /** Defaults to the spec's production server. */
  servers?: OpenApiServer[];
  /**
   * Responses added to every operation (or per operation, from a function). The spec's own
   * responses always win: an extra status the operation already lists is ignored.
   */
  extraResponses?:
    | Record<string, OpenApiResponse>
    | ((operation: OperationRef) => Record<string, OpenApiResponse> | undefined);
  /** Merged beside the spec's `ApiKeyAuth`. */
  securitySchemes?: Record<string, OpenApiSecurityScheme>;
  /** Replaces the top-level `security` (default `[{ ApiKeyAuth: [] }]`). */
  security?: OpenApiSecurityRequirement[];
};

/**
 * The spec's OpenAPI 3.0.3 document for the eight operations, its components generated from
 * the zod schemas. Built on each call (nothing happens at import time), so it is cheap to keep
 * in an edge bundle that never serves it.
 *
 * @example
 * const doc = createOpenApiDocument({
 *   servers: [{ url: 'https://billing-proxy.example.com' }],
 *   extraResponses: { '429': { description: 'Rate limited', content: { 'application/json': { schema: componentRef('ErrorResponse') } } } },
 * });
 */
export function createOpenApiDocument(options: OpenApiDocumentOptions = {}): OpenApiDocument {
  const paths = specPaths();
  const { extraResponses } = options;
  if (extraResponses !== undefined) {
    for (const [path, item] of Object.entries(paths)) {
      for (const [method, operation] of Object.entries(item) as [
        HttpMethod,
        NonNullable<typeof item.get>,
      ][]) {
        const extra =
          typeof extraResponses === 'function'
            ? extraResponses({ path, method, operationId: operation.operationId })
            : extraResponses;
        operation.responses = { ...structuredClone(extra), ...operation.responses };
      }
    }
  }
  return {
    openapi: '3.0.3',
    info: {
      title: options.title ?? 'Amberflo Billing API',
      version: options.version ?? '1.0.0',
      ...(options.description === undefined ? {} : { description: options.description }),
    },
    servers: options.servers ?? [
      { url: 'https://app.amberflo.io', description: 'Amberflo Production API' },
    ],
    security: options.security ?? [{ ApiKeyAuth: [] }],
    tags: [
      { name: 'Customers', description: 'Manage customer accounts and lifecycle' },
      { name: 'Pricing Plans', description: 'Manage pricing plans and customer plan assignments' },
      { name: 'Invoices', description: 'Retrieve customer invoices' },
      { name: 'Prepaid Orders', description: 'Manage customer prepaid credit orders' },
      { name: 'Promotions', description: 'Manage customer promotions and discounts' },
    ],
    paths,
    components: {
      schemas: componentSchemas(),
      securitySchemes: {
        ApiKeyAuth: {
          type: 'apiKey',
          in: 'header',
          name: 'X-API-KEY',
          description: 'API key for authentication',
        },
        ...options.securitySchemes,
      },
    },
  };
}
