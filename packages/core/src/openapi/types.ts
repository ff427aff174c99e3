/**
 * The slice of OpenAPI 3.0.3 this package produces. Schema objects stay loose records: they
 * come from `z.toJSONSchema`, whose output type is JSON Schema, not OpenAPI's dialect.
 */
export type OpenApiSchema = { [key: string]: unknown };

export type OpenApiParameter = {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  description?: string;
  schema: OpenApiSchema;
  example?: unknown;
};

export type OpenApiExample = { summary?: string; value: unknown };

export type OpenApiMediaType = { schema: OpenApiSchema; examples?: Record<string, OpenApiExample> };

export type OpenApiResponse = {
  description: string;
  headers?: Record<string, { description?: string; schema: OpenApiSchema }>;
  content?: Record<string, OpenApiMediaType>;
};

export type OpenApiOperation = {
  operationId: string;
  summary: string;
  description: string;
  tags: string[];
  parameters?: OpenApiParameter[];
  requestBody?: { required: boolean; content: Record<string, OpenApiMediaType> };
  responses: Record<string, OpenApiResponse>;
};

export type HttpMethod = 'get' | 'put' | 'post' | 'delete' | 'patch';

export type OpenApiPathItem = Partial<Record<HttpMethod, OpenApiOperation>>;

export type OpenApiSecurityScheme =
  | { type: 'apiKey'; in: 'header' | 'query' | 'cookie'; name: string; description?: string }
  | { type: 'http'; scheme: string; bearerFormat?: string; description?: string };

export type OpenApiSecurityRequirement = Record<string, string[]>;

export type OpenApiServer = { url: string; description?: string };

export type OpenApiDocument = {
  openapi: '3.0.3';
  info: { title: string; version: string; description?: string };
  servers: OpenApiServer[];
  security: OpenApiSecurityRequirement[];
  tags: Array<{ name: string; description?: string }>;
  paths: Record<string, OpenApiPathItem>;
  components: {
    schemas: Record<string, OpenApiSchema>;
    securitySchemes: Record<string, OpenApiSecurityScheme>;
  };
};
