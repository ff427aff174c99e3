import { createOpenApiDocument } from './document.js';
import type { OpenApiDocument } from './types.js';

const KEYS = ['openapi', 'info', 'servers', 'security', 'tags', 'paths', 'components'] as const;

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/**
 * An object whose fields build the real document on first read. Edge bundles import this
 * module with the rest of core; a getter costs nothing until someone serves the document.
 */
function lazyDocument(): Readonly<OpenApiDocument> {
  let built: OpenApiDocument | undefined;
  const get = () => (built ??= deepFreeze(createOpenApiDocument()));
  const doc = {};
  for (const key of KEYS)
    Object.defineProperty(doc, key, { enumerable: true, get: () => get()[key] });
  return Object.freeze(doc) as Readonly<OpenApiDocument>;
}

/**
 * The default document (`createOpenApiDocument()` with no options), built lazily on first
 * property read and frozen; `JSON.stringify(openApiDocument)` gives the full document.
 */
export const openApiDocument: Readonly<OpenApiDocument> = /* @__PURE__ */ lazyDocument();
