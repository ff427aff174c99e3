export type { ComponentName } from './components.js';
export { COMPONENT_SCHEMAS, componentRef, componentSchemas } from './components.js';
export { openApiDocument } from './default-document.js';
export type { OpenApiDocumentOptions, OperationRef } from './document.js';
export { createOpenApiDocument } from './document.js';
export type { ParameterName } from './parameters.js';
export { PARAMETER_SCHEMAS } from './parameters.js';
export type {
  HttpMethod,
  OpenApiDocument,
  OpenApiExample,
  OpenApiMediaType,
  OpenApiOperation,
  OpenApiParameter,
  OpenApiPathItem,
  OpenApiResponse,
  OpenApiSchema,
  OpenApiSecurityRequirement,
  OpenApiSecurityScheme,
  OpenApiServer,
} from './types.js';
