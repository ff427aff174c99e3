import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { componentRef, createOpenApiDocument, openApiDocument } from './index.js';

type Json = Record<string, unknown>;

const spec = parse(
  readFileSync(new URL('../../../../spec/amberflo-billing.openapi.yaml', import.meta.url), 'utf8'),
) as Json;

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];
const isObject = (value: unknown): value is Json =>
  value !== null && typeof value === 'object' && !Array.isArray(value);
const entries = (value: unknown) => Object.entries(isObject(value) ? value : {});
const show = (value: unknown) => JSON.stringify(value);

/** Vendor extensions (`x-microcks-…`) are the spec generator's, not part of the contract. */
function withoutExtensions(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutExtensions);
  if (!isObject(value)) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !key.startsWith('x-'))
      .map(([key, child]) => [key, withoutExtensions(child)]),
  );
}

/** What must match between two documents' operations: the shape a client is generated from. */
function operationSummary(document: Json) {
  const out: Record<string, unknown> = {};
  for (const [path, item] of entries(document.paths)) {
    for (const [method, op] of entries(item)) {
      if (!METHODS.includes(method) || !isObject(op)) continue;
      const body = isObject(op.requestBody) ? op.requestBody : undefined;
      out[`${method.toUpperCase()} ${path}`] = {
        operationId: op.operationId,
        summary: op.summary,
        description: op.description,
        tags: op.tags,
        parameters: (Array.isArray(op.parameters) ? op.parameters : []).map((p: Json) => ({
          name: p.name,
          in: p.in,
          required: p.required ?? false,
          description: p.description,
          schema: { type: (p.schema as Json).type, enum: (p.schema as Json).enum },
        })),
        requestBody: body && {
          required: body.required,
          content: withoutExtensions(body.content),
        },
        responses: Object.fromEntries(
          entries(op.responses).map(([code, response]) => [
            code,
            {
              description: (response as Json).description,
              content: withoutExtensions((response as Json).content),
            },
          ]),
        ),
      };
    }
  }
  return out;
}

/** Differences in operations between the spec and a document, one readable line each. */
function diffOperations(expected: Json, actual: Json): string[] {
  const want = operationSummary(expected);
  const got = operationSummary(actual);
  const problems: string[] = [];
  for (const key of new Set([...Object.keys(want), ...Object.keys(got)])) {
    if (!(key in got)) problems.push(`${key}: in the spec, missing from the document`);
    else if (!(key in want)) problems.push(`${key}: in the document, not in the spec`);
    else {
      for (const field of Object.keys(want[key] as Json)) {
        const a = show((want[key] as Json)[field]);
        const b = show((got[key] as Json)[field]);
        if (a !== b) problems.push(`${key}: ${field} differs\n  spec:     ${a}\n  document: ${b}`);
      }
    }
  }
  return problems;
}

/** Every `$ref` in a document and whether it points at something. */
function refs(document: Json): Array<{ ref: string; resolves: boolean }> {
  const found: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (isObject(node)) {
      if (typeof node.$ref === 'string') found.push(node.$ref);
      Object.values(node).forEach(walk);
    }
  };
  walk(document);
  return found.map((ref) => {
    const target = ref.startsWith('#/')
      ? ref
          .slice(2)
          .split('/')
          .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'))
          .reduce<unknown>((node, key) => (isObject(node) ? node[key] : undefined), document)
      : undefined;
    return { ref, resolves: isObject(target) };
  });
}

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: componentRef('ErrorResponse') } },
});

describe('the OpenAPI document matches the spec', () => {
  const doc = createOpenApiDocument() as unknown as Json;

  test('same paths, methods, operationIds, summaries, tags, parameters, bodies and response codes', () => {
    expect(Object.keys(operationSummary(doc))).toHaveLength(8);
    expect(diffOperations(spec, doc)).toEqual([]);
  });

  test('every $ref resolves, and the eight components are there', () => {
    const found = refs(doc);
    expect(found.length).toBeGreaterThan(20);
    expect(found.filter((r) => !r.resolves)).toEqual([]);
    const components = doc.components as { schemas: Json };
    expect(Object.keys(components.schemas).sort()).toEqual(
      Object.keys((spec.components as { schemas: Json }).schemas).sort(),
    );
  });

  test('components are generated from the zod schemas (spec properties, our extensions)', () => {
    const { schemas } = doc.components as { schemas: Record<string, Json> };
    const properties = (name: string) => Object.keys(schemas[name]?.properties as Json);
    expect(properties('ErrorResponse')).toEqual(['message', 'code', 'issues', 'requestId']);
    expect((schemas.Customer!.properties as Json).address).toEqual({
      $ref: '#/components/schemas/Address',
    });
    expect(show(schemas)).not.toContain('$id');
    expect(show(schemas)).not.toContain('#/definitions');
  });

  test('components are the spec’s, but for ErrorResponse’s documented issues and requestId', () => {
    const ours = structuredClone((doc.components as { schemas: Record<string, Json> }).schemas);
    const error = ours.ErrorResponse!.properties as Json;
    expect(Object.keys(error)).toEqual(['message', 'code', 'issues', 'requestId']);
    delete error.issues;
    delete error.requestId;
    // lifecycleStage parses the live API's TRIAL too; the document lists the spec's stages.
    expect(ours).toEqual((spec.components as { schemas: Json }).schemas);
  });

  test('version, security, servers and tags are the spec’s', () => {
    expect(doc.openapi).toBe(spec.openapi);
    expect(doc.security).toEqual(spec.security);
    expect((doc.components as Json).securitySchemes).toEqual(
      (spec.components as Json).securitySchemes,
    );
    expect(doc.servers).toEqual(spec.servers);
    expect(doc.tags).toEqual(spec.tags);
    expect((doc.info as Json).title).toBe((spec.info as Json).title);
  });

  test('openApiDocument is the default document, JSON-ready and frozen', () => {
    expect(JSON.parse(JSON.stringify(openApiDocument))).toEqual(doc);
    expect(Object.isFrozen(openApiDocument.paths['/customers']?.get?.responses)).toBe(true);
    expect(() => {
      (openApiDocument as { openapi: string }).openapi = '3.1.0';
    }).toThrow(TypeError);
  });

  test('each call returns a fresh document, so changing one leaves the next untouched', () => {
    const first = createOpenApiDocument();
    delete first.paths['/customers'];
    expect(createOpenApiDocument().paths['/customers']).toBeDefined();
  });
});

describe('a change would be caught', () => {
  const ours = createOpenApiDocument() as unknown as Json;
  type Paths = Record<string, Record<string, Json & { parameters?: Json[]; responses: Json }>>;
  const changes: Array<[string, (paths: Paths) => void, string]> = [
    [
      'a renamed operationId',
      (p) => {
        p['/customers']!.get!.operationId = 'getCustomers';
      },
      'GET /customers: operationId differs',
    ],
    [
      'a new response code',
      (p) => {
        p['/customers']!.post!.responses['409'] = errorResponse('Conflict');
      },
      'POST /customers: responses differs',
    ],
    [
      'a parameter made optional',
      (p) => {
        p['/payments-billing-customer-product-invoice']!.get!.parameters![0]!.required = false;
      },
      'GET /payments-billing-customer-product-invoice: parameters differs',
    ],
    [
      'a new method',
      (p) => {
        p['/customers/{customerId}']!.put = { ...p['/customers/{customerId}']!.get! };
      },
      'PUT /customers/{customerId}: in the spec, missing from the document',
    ],
    [
      'a removed path',
      (p) => {
        delete p['/payments-pricing-amberflo-customer-pricing'];
      },
      'POST /payments-pricing-amberflo-customer-pricing: in the document, not in the spec',
    ],
    [
      'another request body schema',
      (p) => {
        ((p['/customers']!.put!.requestBody as Json).content as Record<string, Json>)[
          'application/json'
        ]!.schema = { $ref: '#/components/schemas/CustomerRequest' };
      },
      'PUT /customers: requestBody differs',
    ],
  ];

  test.each(changes)('in the spec: %s', (_label, change, expected) => {
    const altered = structuredClone(spec);
    change(altered.paths as Paths);
    const problems = diffOperations(altered, ours);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(expected);
  });

  test('in the document: extension codes added through options differ from the spec', () => {
    const extended = createOpenApiDocument({
      extraResponses: { '429': errorResponse('Slow down') },
    });
    const problems = diffOperations(spec, extended as unknown as Json);
    expect(problems).toHaveLength(8);
    expect(problems.every((p) => p.includes('responses differs') && p.includes('Slow down'))).toBe(
      true,
    );
  });

  test('a dangling $ref is reported', () => {
    const altered = structuredClone(ours);
    ((altered.components as Json).schemas as Json).Address = undefined;
    expect(
      refs(altered)
        .filter((r) => !r.resolves)
        .map((r) => r.ref),
    ).toEqual(['#/components/schemas/Address', '#/components/schemas/Address']);
  });
});

describe('options let a server describe itself', () => {
  test('extra responses join every operation; the spec’s own responses win', () => {
    const doc = createOpenApiDocument({
      extraResponses: { '401': errorResponse('Not this one'), '502': errorResponse('Bad gateway') },
    });
    for (const item of Object.values(doc.paths)) {
      for (const op of Object.values(item)) {
        expect(op.responses['502']?.description).toBe('Bad gateway');
        expect(op.responses['401']?.description).toBe('Unauthorized');
      }
    }
  });

  test('extra responses may depend on the operation', () => {
    const doc = createOpenApiDocument({
      extraResponses: ({ method }) =>
        method === 'get' ? { '304': { description: 'Not modified' } } : undefined,
    });
    expect(doc.paths['/customers']?.get?.responses['304']).toEqual({ description: 'Not modified' });
    expect(doc.paths['/customers']?.post?.responses['304']).toBeUndefined();
  });

  test('servers, title, security and extra security schemes', () => {
    const doc = createOpenApiDocument({
      title: 'amberkit proxy',
      servers: [{ url: 'http://127.0.0.1:8787' }],
      securitySchemes: { CallerKey: { type: 'apiKey', in: 'header', name: 'X-API-KEY' } },
      security: [{ CallerKey: [] }],
    });
    expect(doc.info.title).toBe('amberkit proxy');
    expect(doc.servers).toEqual([{ url: 'http://127.0.0.1:8787' }]);
    expect(Object.keys(doc.components.securitySchemes)).toEqual(['ApiKeyAuth', 'CallerKey']);
    expect(doc.security).toEqual([{ CallerKey: [] }]);
    expect(diffOperations(spec, doc as unknown as Json)).toEqual([]);
  });
});
