import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import * as z from 'zod/mini';
import { COMPONENT_SCHEMAS } from '../openapi/components.js';
import { PARAMETER_SCHEMAS } from '../openapi/parameters.js';
import {
  Address,
  Customer,
  CustomerRequest,
  describeIssues,
  Invoice,
  PrepaidOrder,
  PrepaidOrderRequest,
  PricingPlanAssignment,
  PricingPlanAssignmentRequest,
  SPEC_LIFECYCLE_STAGES,
  toErrorIssues,
} from './index.js';

/*
 * Proves the zod schemas are the spec's eight components: property names, required lists,
 * types, formats, enums, descriptions and examples, three ways (the zod objects themselves,
 * their JSON Schema, and every example in the spec parsed by them). The only differences
 * allowed are design.md's, listed below; each must still exist, so a stale entry fails too.
 */

type Json = Record<string, unknown>;
type AnyObject = z.ZodMiniObject;

const spec = parse(
  readFileSync(new URL('../../../../spec/amberflo-billing.openapi.yaml', import.meta.url), 'utf8'),
) as { paths: Json; components: { schemas: Record<string, Json> } };

// The same eight the OpenAPI document is built from; the first test checks they are the spec's.
const SCHEMAS: Record<string, AnyObject> = COMPONENT_SCHEMAS;
const COMPONENTS = Object.keys(SCHEMAS);

type Allowance = { component: string; property: string; value?: string };

/** design.md: the live API says `TRIAL` where the spec says `TRAIL`; reads accept both. */
const ALLOWED_EXTRA_ENUM_VALUES: readonly Allowance[] = [
  { component: 'Customer', property: 'lifecycleStage', value: 'TRIAL' },
  { component: 'CustomerRequest', property: 'lifecycleStage', value: 'TRIAL' },
];

/** design.md, "Where we extend the spec": error bodies may carry `issues` and `requestId`. */
const ALLOWED_EXTRA_PROPERTIES: readonly Allowance[] = [
  { component: 'ErrorResponse', property: 'issues' },
  { component: 'ErrorResponse', property: 'requestId' },
];

const ALLOWED = { enumValues: ALLOWED_EXTRA_ENUM_VALUES, properties: ALLOWED_EXTRA_PROPERTIES };
const NOTHING_ALLOWED = { enumValues: [], properties: [] };
type Allowances = typeof ALLOWED;

// ---------------------------------------------------------------------------------------------
// Normalised shapes: the spec component, the schema's JSON Schema and the zod object itself
// are all brought to this form and compared with one function.

/**
 * Everything a property may say about its value. The constraints matter as much as the types:
 * one the spec lacks rejects spec-valid responses and leaks into the OpenAPI document.
 */
/** What a value may be beyond its type; none is in the spec, so none may be in a schema. */
const CONSTRAINTS = [
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'pattern',
  'minItems',
  'maxItems',
  'multipleOf',
] as const;
const COMPARED = [
  'type',
  'format',
  'enum',
  'description',
  'deprecated',
  'example',
  ...CONSTRAINTS,
] as const;

type PropertyShape = {
  [key in Exclude<(typeof COMPARED)[number], 'enum'>]?: unknown;
} & {
  ref?: string;
  enum?: unknown[];
  items?: PropertyShape;
  additionalProperties?: PropertyShape;
};
type ComponentShape = {
  required: string[];
  properties: Record<string, PropertyShape>;
  /** Unknown keys accepted (and, for a zod object, kept). */
  open: boolean;
  /** The component's own `type` and `description` (not visible on a bare zod object). */
  header?: { type: unknown; description: unknown };
};

const isObject = (value: unknown): value is Json =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

function propertyShape(node: Json): PropertyShape {
  const { allOf } = node;
  if (Array.isArray(allOf) && allOf.length === 1 && isObject(allOf[0])) {
    return propertyShape(allOf[0]);
  }
  if (typeof node.$ref === 'string') return { ref: node.$ref.split('/').at(-1) as string };
  const shape: PropertyShape = {};
  for (const key of COMPARED)
    if (node[key] !== undefined) Object.assign(shape, { [key]: node[key] });
  if (isObject(node.items)) shape.items = propertyShape(node.items);
  if (isObject(node.additionalProperties)) {
    shape.additionalProperties = propertyShape(node.additionalProperties);
  }
  return shape;
}

/** A spec component, or a JSON Schema (its root `$ref` into `definitions` followed). */
function componentShape(node: Json): ComponentShape {
  if (typeof node.$ref === 'string' && isObject(node.definitions)) {
    const target = node.definitions[node.$ref.split('/').at(-1) as string];
    if (isObject(target)) return componentShape(target);
  }
  const properties = isObject(node.properties) ? node.properties : {};
  return {
    required: Array.isArray(node.required) ? [...(node.required as string[])].sort() : [],
    properties: Object.fromEntries(
      Object.entries(properties).map(([name, value]) => [name, propertyShape(value as Json)]),
    ),
    open: node.additionalProperties !== false,
    header: { type: node.type, description: node.description },
  };
}

/** What the zod object says by itself: its keys, which are required, and enum options. */
function zodShape(schema: AnyObject): ComponentShape {
  const properties: Record<string, PropertyShape> = {};
  const required: string[] = [];
  for (const [name, field] of Object.entries(schema.shape)) {
    if (!z.safeParse(field, undefined).success) required.push(name);
    const inner = field instanceof z.ZodMiniOptional ? field.def.innerType : field;
    properties[name] =
      inner instanceof z.ZodMiniEnum ? { enum: Object.values(inner.def.entries) } : {};
  }
  // A looseObject's catchall is z.unknown(): unknown keys are kept on read (design.md).
  return {
    required: required.sort(),
    properties,
    open: schema.def.catchall instanceof z.ZodMiniUnknown,
  };
}

/** Keeps only what {@link zodShape} can see, so the spec and the zod object compare fairly. */
function namesRequiredEnums(shape: ComponentShape): ComponentShape {
  const properties = Object.fromEntries(
    Object.entries(shape.properties).map(([name, p]) => [name, p.enum ? { enum: p.enum } : {}]),
  );
  return { required: shape.required, properties, open: shape.open };
}

// ---------------------------------------------------------------------------------------------

type Diff = { problems: string[]; allowancesUsed: Allowance[] };

function diffProperty(
  where: string,
  spec: PropertyShape,
  ours: PropertyShape,
  allowed: Allowance[],
  diff: Diff,
) {
  const keys = new Set([...Object.keys(spec), ...Object.keys(ours)]) as Set<keyof PropertyShape>;
  for (const key of keys) {
    if (key === 'enum') continue;
    if (key === 'items' || key === 'additionalProperties') {
      diffProperty(`${where}.${key}`, spec[key] ?? {}, ours[key] ?? {}, allowed, diff);
      continue;
    }
    if (JSON.stringify(spec[key]) !== JSON.stringify(ours[key])) {
      diff.problems.push(
        `${where}: ${key} is ${JSON.stringify(spec[key])} in the spec but ${JSON.stringify(ours[key])} in the schema`,
      );
    }
  }
  if (spec.enum === undefined && ours.enum === undefined) return;
  const specValues = spec.enum ?? [];
  const ourValues = ours.enum ?? [];
  for (const value of specValues) {
    if (!ourValues.includes(value))
      diff.problems.push(`${where}: enum value ${value} missing from the schema`);
  }
  for (const value of ourValues) {
    if (specValues.includes(value)) continue;
    const allowance = allowed.find((a) => a.value === value);
    if (allowance) diff.allowancesUsed.push(allowance);
    else diff.problems.push(`${where}: enum value ${value} is not in the spec`);
  }
}

/** Every difference between a spec component and our version of it, minus the allowed ones. */
function diffComponent(
  component: string,
  spec: ComponentShape,
  ours: ComponentShape,
  allowances: Allowances,
): Diff {
  const diff: Diff = { problems: [], allowancesUsed: [] };
  const allowedHere = (list: readonly Allowance[], property: string) =>
    list.filter((a) => a.component === component && a.property === property);
  for (const [name, specProperty] of Object.entries(spec.properties)) {
    const ourProperty = ours.properties[name];
    if (ourProperty === undefined) {
      diff.problems.push(`${component}.${name}: in the spec, missing from the schema`);
      continue;
    }
    const allowed = allowedHere(allowances.enumValues, name);
    diffProperty(`${component}.${name}`, specProperty, ourProperty, allowed, diff);
  }
  for (const name of Object.keys(ours.properties)) {
    if (name in spec.properties) continue;
    const [allowance] = allowedHere(allowances.properties, name);
    if (allowance) diff.allowancesUsed.push(allowance);
    else diff.problems.push(`${component}.${name}: in the schema, not in the spec`);
  }
  if (JSON.stringify(spec.required) !== JSON.stringify(ours.required)) {
    diff.problems.push(
      `${component}: required is [${spec.required}] in the spec but [${ours.required}] in the schema`,
    );
  }
  if (spec.header && ours.header && JSON.stringify(spec.header) !== JSON.stringify(ours.header)) {
    diff.problems.push(
      `${component}: type/description ${JSON.stringify(spec.header)} in the spec but ${JSON.stringify(ours.header)} in the schema`,
    );
  }
  if (spec.open && !ours.open) {
    diff.problems.push(`${component}: the spec allows unknown properties, the schema refuses them`);
  }
  return diff;
}

/**
 * `io: 'input'`: the wire JSON (request bodies we send, responses we read) is what the schemas
 * parse, i.e. their input. Output would describe the value after parsing, which is not what
 * the spec documents (today they differ only in nested `ErrorIssue` strictness).
 */
const jsonSchemaOf = (schema: z.ZodMiniType) =>
  z.toJSONSchema(schema, { target: 'openapi-3.0', io: 'input' }) as Json;

/** The full check for one component: the zod object and its JSON Schema against the spec. */
function checkComponent(
  name: string,
  specNode: Json,
  schema: AnyObject,
  allowances = ALLOWED,
): Diff {
  const expected = componentShape(specNode);
  const viaJsonSchema = diffComponent(
    name,
    expected,
    componentShape(jsonSchemaOf(schema)),
    allowances,
  );
  const viaZod = diffComponent(name, namesRequiredEnums(expected), zodShape(schema), allowances);
  return {
    problems: [...viaJsonSchema.problems, ...viaZod.problems.map((p) => `(zod) ${p}`)],
    allowancesUsed: [...viaJsonSchema.allowancesUsed, ...viaZod.allowancesUsed],
  };
}

describe('the zod schemas are the spec components', () => {
  test('the spec has exactly the eight components this test checks', () => {
    expect(Object.keys(spec.components.schemas).sort()).toEqual([...COMPONENTS].sort());
  });

  test.each(COMPONENTS)('%s: properties, required, types, formats and enums agree', (name) => {
    const { problems } = checkComponent(
      name,
      spec.components.schemas[name] as Json,
      SCHEMAS[name]!,
    );
    expect(problems).toEqual([]);
  });

  test('each allowed difference exists, and without the list exactly those differences appear', () => {
    const used = COMPONENTS.flatMap(
      (name) =>
        checkComponent(name, spec.components.schemas[name] as Json, SCHEMAS[name]!).allowancesUsed,
    );
    // An extra property is seen twice: in the JSON Schema and on the zod object. An extra enum
    // value (TRIAL, a read tolerance) only on the zod object: the document lists the spec's.
    for (const allowance of ALLOWED_EXTRA_PROPERTIES)
      expect(used.filter((u) => u === allowance)).toHaveLength(2);
    for (const allowance of ALLOWED_EXTRA_ENUM_VALUES)
      expect(used.filter((u) => u === allowance)).toHaveLength(1);

    const strict = COMPONENTS.flatMap(
      (name) =>
        checkComponent(name, spec.components.schemas[name] as Json, SCHEMAS[name]!, NOTHING_ALLOWED)
          .problems,
    );
    expect(strict.filter((p) => !p.startsWith('(zod)')).sort()).toEqual(
      [
        'ErrorResponse.issues: in the schema, not in the spec',
        'ErrorResponse.requestId: in the schema, not in the spec',
      ].sort(),
    );
  });

  test("SPEC_LIFECYCLE_STAGES, the stages to write, are exactly the spec's enum, in order", () => {
    for (const component of ['Customer', 'CustomerRequest']) {
      const properties = spec.components.schemas[component]!.properties as Record<string, Json>;
      expect(properties.lifecycleStage?.enum, component).toEqual([...SPEC_LIFECYCLE_STAGES]);
    }
  });

  test('the zod object check sees required fields and enum options itself', () => {
    const shape = zodShape(Customer);
    expect(shape.required).toEqual(['customerId', 'customerName']);
    expect(shape.properties.lifecycleStage?.enum).toEqual([
      'ONBOARDING',
      'TRAIL',
      'TRIAL',
      'ACTIVE',
      'OFFBOARDED',
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
// Every `example` / `examples` in the spec, found by walking the whole document, so an example
// added anywhere must be claimed by a schema below or the test fails.

type Found = { pointer: string[]; values: unknown[] };

function findExamples(node: unknown, pointer: string[] = [], out: Found[] = []): Found[] {
  if (Array.isArray(node)) {
    for (const [i, child] of node.entries()) findExamples(child, [...pointer, String(i)], out);
  }
  if (!isObject(node)) return out;
  for (const [key, value] of Object.entries(node)) {
    const at = [...pointer, key];
    if (key === 'example') out.push({ pointer: at, values: [value] });
    else if (key === 'examples' && isObject(value)) {
      out.push({ pointer: at, values: Object.values(value).map((e) => (e as Json).value) });
    } else findExamples(value, at, out);
  }
  return out;
}

function at(document: unknown, pointer: string[]): unknown {
  return pointer.reduce<unknown>((node, key) => (node as Json | undefined)?.[key], document);
}

/** The zod schema a body schema node names: a component `$ref` or an array of one. */
function bodySchema(node: unknown, schemas: Record<string, AnyObject>): z.ZodMiniType | undefined {
  if (!isObject(node)) return undefined;
  const name = (ref: unknown) => (typeof ref === 'string' ? ref.split('/').at(-1) : undefined);
  if (node.type === 'array' && isObject(node.items)) {
    const item = schemas[name(node.items.$ref) ?? ''];
    return item && z.array(item);
  }
  return schemas[name(node.$ref) ?? ''];
}

/** Which schema an example at this place must satisfy, or undefined if nothing claims it. */
function schemaForExample(document: Json, pointer: string[], schemas: Record<string, AnyObject>) {
  const [root, a, b, c, d, e, f, g] = pointer;
  if (root === 'components' && a === 'schemas' && c === 'properties' && e === 'example') {
    return schemas[b ?? '']?.shape[d ?? ''] as z.ZodMiniType | undefined;
  }
  if (root === 'paths' && c === 'parameters' && e === 'example') {
    const { name } = at(document, pointer.slice(0, -1)) as { name: keyof typeof PARAMETER_SCHEMAS };
    return PARAMETER_SCHEMAS[name];
  }
  const content = pointer.slice(0, -1);
  if (root === 'paths' && content.at(-2) === 'content' && content.at(-1) === 'application/json') {
    if (
      c === 'requestBody' ||
      (c === 'responses' && d !== undefined && f === 'application/json' && g === 'examples')
    ) {
      return bodySchema(at(document, [...content, 'schema']), schemas);
    }
  }
  return undefined;
}

/** Keys of an example object that its zod object does not name (looseObject would keep them). */
function unknownKeys(value: unknown, schema: z.ZodMiniType): string[] {
  if (schema instanceof z.ZodMiniArray && Array.isArray(value)) {
    return value.flatMap((item) => unknownKeys(item, schema.def.element as z.ZodMiniType));
  }
  if (!(schema instanceof z.ZodMiniObject) || !isObject(value)) return [];
  return Object.keys(value).filter((key) => !(key in schema.shape));
}

function checkExamples(document: Json, schemas: Record<string, AnyObject>): string[] {
  const problems: string[] = [];
  for (const { pointer, values } of findExamples(document)) {
    const where = pointer.join(' > ');
    const schema = schemaForExample(document, pointer, schemas);
    if (schema === undefined) {
      problems.push(`${where}: no schema claims this example`);
      continue;
    }
    for (const value of values) {
      const result = schema.safeParse(value);
      if (!result.success)
        problems.push(`${where}: ${describeIssues(toErrorIssues(result.error))}`);
      const extra = unknownKeys(value, schema);
      if (extra.length > 0)
        problems.push(`${where}: fields not in the schema: ${extra.join(', ')}`);
    }
  }
  return problems;
}

describe('every example in the spec parses with its schema', () => {
  test('the walker finds property, parameter, request and response examples', () => {
    const kinds = findExamples(spec).map(({ pointer }) =>
      pointer[0] === 'components'
        ? 'property'
        : (pointer.find((k) => ['parameters', 'requestBody', 'responses'].includes(k)) ?? '?'),
    );
    for (const kind of ['property', 'parameters', 'requestBody', 'responses'])
      expect(kinds).toContain(kind);
    expect(kinds).not.toContain('?');
  });

  test('each one is claimed by a schema, parses, and has no field the schema lacks', () => {
    expect(checkExamples(spec as unknown as Json, SCHEMAS)).toEqual([]);
  });

  test('the operation examples parse to the values the spec wrote', () => {
    const listed = at(spec, [
      'paths',
      '/customers',
      'get',
      'responses',
      '200',
      'content',
      'application/json',
      'examples',
      'ListCustomers200Example',
      'value',
    ]);
    expect(z.array(Customer).parse(listed)).toEqual(listed);
    const invoices = at(spec, [
      'paths',
      '/payments-billing-customer-product-invoice',
      'get',
      'responses',
      '200',
      'content',
      'application/json',
      'examples',
      'ListInvoices200Example',
      'value',
    ]);
    expect(z.array(Invoice).parse(invoices)[0]).toMatchObject({
      totalAmount: 99.5,
      status: 'PAID',
      startTime: 1718100000,
    });
  });
});

// ---------------------------------------------------------------------------------------------
// A change to either side must break the checks above: the same functions, run against a
// deliberately altered copy of the spec or of a schema, must report the change.

const specCopy = () =>
  structuredClone(spec) as unknown as {
    paths: Json;
    components: {
      schemas: Record<string, Json & { properties: Record<string, Json>; required?: string[] }>;
    };
  };

describe('a change on either side is caught', () => {
  const specChanges: Array<[string, string, (s: ReturnType<typeof specCopy>) => void, string]> = [
    [
      'a new spec property',
      'Customer',
      (s) => {
        s.components.schemas.Customer!.properties.nickname = { type: 'string' };
      },
      'Customer.nickname: in the spec, missing from the schema',
    ],
    [
      'a property removed from the spec',
      'Invoice',
      (s) => {
        delete s.components.schemas.Invoice!.properties.currency;
      },
      'Invoice.currency: in the schema, not in the spec',
    ],
    [
      'a newly required field',
      'Address',
      (s) => {
        s.components.schemas.Address!.required!.push('state');
      },
      'Address: required is',
    ],
    [
      'a field no longer required',
      'PrepaidOrderRequest',
      (s) => {
        s.components.schemas.PrepaidOrderRequest!.required = ['customerId'];
      },
      'PrepaidOrderRequest: required is',
    ],
    [
      'a changed type',
      'Invoice',
      (s) => {
        s.components.schemas.Invoice!.properties.totalAmount!.type = 'string';
      },
      'Invoice.totalAmount: type is "string" in the spec but "number"',
    ],
    [
      'a changed format',
      'PrepaidOrder',
      (s) => {
        s.components.schemas.PrepaidOrder!.properties.createTime!.format = 'int32';
      },
      'PrepaidOrder.createTime: format',
    ],
    [
      'an enum value added',
      'Invoice',
      (s) => {
        (s.components.schemas.Invoice!.properties.status!.enum as string[]).push('REFUNDED');
      },
      'Invoice.status: enum value REFUNDED missing from the schema',
    ],
    [
      'an enum value removed',
      'Customer',
      (s) => {
        s.components.schemas.Customer!.properties.lifecycleStage!.enum = [
          'ONBOARDING',
          'TRAIL',
          'ACTIVE',
        ];
      },
      'Customer.lifecycleStage: enum value OFFBOARDED is not in the spec',
    ],
    [
      'a changed description',
      'ErrorResponse',
      (s) => {
        s.components.schemas.ErrorResponse!.properties.code!.description = 'Code';
      },
      'ErrorResponse.code: description',
    ],
    [
      'a changed component description',
      'Invoice',
      (s) => {
        s.components.schemas.Invoice!.description = 'An invoice';
      },
      'Invoice: type/description',
    ],
    [
      'a changed $ref',
      'CustomerRequest',
      (s) => {
        s.components.schemas.CustomerRequest!.properties.address = {
          $ref: '#/components/schemas/Invoice',
        };
      },
      'CustomerRequest.address: ref',
    ],
    [
      'a new constraint',
      'Customer',
      (s) => {
        s.components.schemas.Customer!.properties.customerId!.maxLength = 64;
      },
      'Customer.customerId: maxLength is 64 in the spec but undefined in the schema',
    ],
    [
      'a changed map value type',
      'Customer',
      (s) => {
        s.components.schemas.Customer!.properties.traits!.additionalProperties = { type: 'number' };
      },
      'Customer.traits.additionalProperties: type',
    ],
  ];

  test.each(specChanges)('spec side: %s', (_label, name, change, expected) => {
    const altered = specCopy();
    change(altered);
    const { problems } = checkComponent(name, altered.components.schemas[name]!, SCHEMAS[name]!);
    expect(problems.some((p) => p.includes(expected))).toBe(true);
    // The unaltered copy is clean, so the problem comes from the change alone.
    expect(
      checkComponent(name, specCopy().components.schemas[name]!, SCHEMAS[name]!).problems,
    ).toEqual([]);
  });

  const schemaChanges: Array<[string, string, AnyObject, string]> = [
    [
      'an extra property',
      'Customer',
      z.extend(Customer, { nickname: z.optional(z.string()) }),
      'Customer.nickname: in the schema, not in the spec',
    ],
    [
      'a dropped property',
      'Address',
      z.omit(Address, { postalCode: true }),
      'Address.postalCode: in the spec, missing from the schema',
    ],
    [
      'everything optional',
      'CustomerRequest',
      z.partial(CustomerRequest),
      'CustomerRequest: required is',
    ],
    [
      'a wrong type',
      'Invoice',
      z.extend(Invoice, { totalAmount: z.optional(z.string()) }),
      'Invoice.totalAmount: type is "number" in the spec but "string"',
    ],
    [
      'an enum narrowed',
      'Invoice',
      z.extend(Invoice, { status: z.optional(z.enum(['DRAFT', 'PAID'])) }),
      'Invoice.status: enum value PENDING missing from the schema',
    ],
    [
      'an enum widened beyond the allowance',
      'Customer',
      z.extend(Customer, {
        lifecycleStage: z.optional(
          z.enum(['ONBOARDING', 'TRAIL', 'TRIAL', 'ACTIVE', 'OFFBOARDED', 'CHURNED']),
        ),
      }),
      'enum value CHURNED is not in the spec',
    ],
    [
      'unknown fields dropped',
      'PrepaidOrder',
      z.object(PrepaidOrder.shape),
      '(zod) PrepaidOrder: the spec allows unknown properties',
    ],
    [
      'a length the spec does not set',
      'Address',
      z.extend(Address, { city: z.string().check(z.minLength(1)) }),
      'Address.city: minLength is undefined in the spec but 1 in the schema',
    ],
    [
      'a range the spec does not set (z.int() alone brings one)',
      'Invoice',
      z.extend(Invoice, { startTime: z.optional(z.int()) }),
      'Invoice.startTime: minimum is undefined in the spec but -9007199254740991',
    ],
    [
      'an exclusive bound the spec does not set',
      'PrepaidOrderRequest',
      z.extend(PrepaidOrderRequest, { amount: z.number().check(z.positive()) }),
      'PrepaidOrderRequest.amount: exclusiveMinimum is undefined in the spec but true',
    ],
    [
      'a pattern the spec does not set',
      'PrepaidOrder',
      z.extend(PrepaidOrder, { currency: z.optional(z.string().check(z.regex(/^[A-Z]{3}$/))) }),
      'PrepaidOrder.currency: pattern is undefined in the spec but "^[A-Z]{3}$"',
    ],
    [
      'a lost example',
      'PricingPlanAssignment',
      z.extend(PricingPlanAssignment, { productId: z.optional(z.string()) }),
      'PricingPlanAssignment.productId: example',
    ],
  ];

  test.each(schemaChanges)('schema side: %s', (_label, name, altered, expected) => {
    const { problems } = checkComponent(name, spec.components.schemas[name] as Json, altered);
    expect(problems.some((p) => p.includes(expected))).toBe(true);
  });

  test('an example that breaks its schema, or a schema that rejects an example, is reported', () => {
    const altered = specCopy();
    const request = at(altered, [
      'paths',
      '/customers',
      'post',
      'requestBody',
      'content',
      'application/json',
      'examples',
      'CreateCustomerRequestExample',
      'value',
    ]) as Json;
    request.customerEmail = 'not-an-email';
    request.nickname = 'acme';
    const problems = checkExamples(altered as unknown as Json, SCHEMAS);
    expect(
      problems.some(
        (p) =>
          p.includes('requestBody') &&
          p.includes('must be an email address') &&
          p.includes('customerEmail'),
      ),
    ).toBe(true);
    expect(problems.some((p) => p.includes('fields not in the schema: nickname'))).toBe(true);
    expect(problems).toHaveLength(2);

    const narrowed = {
      ...SCHEMAS,
      Invoice: z.extend(Invoice, { status: z.optional(z.enum(['DRAFT'])) }),
    };
    expect(
      checkExamples(spec as unknown as Json, narrowed).some((p) =>
        p.includes('/payments-billing-customer-product-invoice'),
      ),
    ).toBe(true);
  });

  test('an example in a place no schema claims is reported', () => {
    const altered = specCopy();
    (altered.paths['/customers'] as Json)['x-sample'] = { example: 1 };
    expect(checkExamples(altered as unknown as Json, SCHEMAS)).toEqual([
      'paths > /customers > x-sample > example: no schema claims this example',
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
// Responses read whatever the spec allows. The JSON Schema comparison above cannot see a check
// that is kept out of the JSON Schema (`beyondSpec`), so the response schemas are also run on
// values made from the spec alone: edge values for every property's spec type.

/** Components a response body names, directly or through a `$ref` inside one. */
function responseComponents(document: typeof spec): string[] {
  const names = new Set<string>();
  const add = (node: unknown) => {
    if (!isObject(node)) return;
    if (typeof node.$ref === 'string') {
      const name = node.$ref.split('/').at(-1) as string;
      if (names.has(name)) return;
      names.add(name);
      for (const property of Object.values(document.components.schemas[name]?.properties ?? {}))
        add(property);
    }
    add(node.items);
  };
  for (const item of Object.values(document.paths))
    for (const op of Object.values(item as Json))
      for (const response of Object.values(((op as Json).responses ?? {}) as Json))
        for (const media of Object.values(((response as Json).content ?? {}) as Json))
          add((media as Json).schema);
  return [...names].sort();
}

/** Values the spec allows for a property: nothing it does not state is assumed. */
function edgeValues(node: Json): unknown[] {
  if (typeof node.$ref === 'string') {
    const name = node.$ref.split('/').at(-1) as string;
    return [edgeObject(spec.components.schemas[name] as Json)];
  }
  if (Array.isArray(node.enum)) return node.enum;
  switch (node.type) {
    case 'string':
      // `format: email` is a constraint the spec states: its own example, a dotless domain
      // and a quoted local part, which RFC 5321 allows and zod's patterns would refuse.
      if (node.format === 'email')
        return [node.example, 'a@b', '"john doe"@example.com', '"a@b"@example.com'];
      return ['', ' ', 'usd', 'x'.repeat(10_000), 'ü😀\u0000'];
    case 'integer':
      return [0, -1, -1718153645993, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER];
    case 'number':
      return [0, -0.5, -500, 1e-9, 1e21];
    case 'boolean':
      return [true, false];
    case 'object':
      return [{}, { '': '' }];
    default:
      throw new Error(`no edge values for ${JSON.stringify(node)}`);
  }
}

/** The required properties only, each at its first edge value (an empty string, zero). */
function edgeObject(component: Json): Json {
  const properties = (component.properties ?? {}) as Record<string, Json>;
  const required = (component.required ?? []) as string[];
  return Object.fromEntries(required.map((name) => [name, edgeValues(properties[name]!)[0]]));
}

/** Every spec-valid body built from edge values that a schema refuses or alters. */
function refusedEdgeValues(name: string, schema: z.ZodMiniType): string[] {
  const component = spec.components.schemas[name] as Json;
  const base = { ...edgeObject(component), fromUpstream: { kept: [1] } };
  const problems: string[] = [];
  const bodies = [base];
  for (const [property, node] of Object.entries(
    (component.properties ?? {}) as Record<string, Json>,
  ))
    for (const value of edgeValues(node)) bodies.push({ ...base, [property]: value });
  for (const body of bodies) {
    const result = schema.safeParse(body);
    const shown = JSON.stringify(body).slice(0, 120);
    if (!result.success)
      problems.push(`${name} ${shown}: ${describeIssues(toErrorIssues(result.error, body))}`);
    else if (!isDeepStrictEqual(result.data, body))
      problems.push(`${name} ${shown}: read back as ${JSON.stringify(result.data).slice(0, 120)}`);
  }
  return problems;
}

describe('responses accept everything the spec allows', () => {
  const RESPONSES = responseComponents(spec);

  test('the response components are the ones the spec returns', () => {
    expect(RESPONSES).toEqual([
      'Address',
      'Customer',
      'ErrorResponse',
      'Invoice',
      'PrepaidOrder',
      'PricingPlanAssignment',
    ]);
  });

  test.each(RESPONSES)('%s reads empty strings, zero and negative times, any amount', (name) => {
    expect(refusedEdgeValues(name, SCHEMAS[name]!)).toEqual([]);
  });

  test('customer lists read them too, with the compiled parser the client uses', async () => {
    const { CustomerList, InvoiceList } = await import('./lists.js');
    const { parseCustomerList, parseInvoiceList } = await import('./compiled-parsers.generated.js');
    const customer = {
      customerId: '',
      customerName: '',
      createTime: 0,
      deleteTime: -1,
      lifecycleStage: 'TRIAL',
      address: { line1: '', city: '', country: '' },
      // A customer saved without an email; sending one is still refused (CustomerRequest).
      customerEmail: '',
    };
    expect(
      CustomerRequest.safeParse({ ...customer, customerId: 'c', customerName: 'n' }).success,
    ).toBe(false);
    const list = [customer, { ...customer, customerId: 'x'.repeat(300) }];
    // The compiled parsers themselves, not zod's fallback behind `.parse` when they refuse.
    expect(parseCustomerList(list)).not.toBe(z.INVALID);
    expect(CustomerList.parse(list)).toEqual(list);
    const invoices = [{ startTime: -1, endTime: 0, totalAmount: -5, currency: 'usd' }];
    expect(parseInvoiceList(invoices)).not.toBe(z.INVALID);
    expect(InvoiceList.parse(invoices)).toEqual(invoices);
  });

  test('a check a response schema adds beyond the spec is caught', () => {
    const tightened = z.extend(Customer, {
      customerId: z.string().check(z.minLength(1), z.maxLength(256)),
      createTime: z.optional(z.int().check(z.nonnegative())),
    });
    const problems = refusedEdgeValues('Customer', tightened);
    expect(problems.some((p) => p.includes('customerId: must not be empty'))).toBe(true);
    expect(problems.some((p) => p.includes('createTime: must be ≥ 0'))).toBe(true);
  });
});

describe('requests are checked more strictly than the spec, out of the document', () => {
  const stricter: Array<[string, z.ZodMiniType, unknown, string]> = [
    [
      'CustomerRequest',
      CustomerRequest,
      { customerId: '', customerName: 'n' },
      'customerId: must not be empty',
    ],
    [
      'CustomerRequest',
      CustomerRequest,
      { customerId: 'x'.repeat(257), customerName: 'n' },
      'customerId: must be at most 256 characters',
    ],
    [
      'CustomerRequest',
      CustomerRequest,
      { customerId: 'a\ud800', customerName: 'n' },
      'customerId: must be well-formed Unicode (it holds a lone surrogate)',
    ],
    [
      'CustomerRequest',
      CustomerRequest,
      { customerId: 'c', customerName: '' },
      'customerName: must not be empty',
    ],
    [
      'PrepaidOrderRequest',
      PrepaidOrderRequest,
      { customerId: 'c', amount: 0 },
      'amount: must be > 0',
    ],
    [
      'PrepaidOrderRequest',
      PrepaidOrderRequest,
      { customerId: 'c', amount: 5, currency: 'usd' },
      'currency: must be an ISO 4217 code such as USD',
    ],
    [
      'PrepaidOrderRequest',
      PrepaidOrderRequest,
      { customerId: 'c', amount: 5, expirationTime: -1 },
      'expirationTime: must be ≥ 0',
    ],
    [
      'PricingPlanAssignmentRequest',
      PricingPlanAssignmentRequest,
      { customerId: 'c', productId: '' },
      'productId: must not be empty',
    ],
    [
      'PricingPlanAssignmentRequest',
      PricingPlanAssignmentRequest,
      { customerId: 'c', productId: 'p', startTime: -1 },
      'startTime: must be ≥ 0',
    ],
  ];
  test.each(stricter)('%s refuses %j', (_name, schema, body, message) => {
    const result = schema.safeParse(body);
    expect(result.success).toBe(false);
    if (!result.success) expect(describeIssues(toErrorIssues(result.error, body))).toBe(message);
  });

  test('their JSON Schema states none of those checks', () => {
    const constraints = (schema: z.ZodMiniType) =>
      Object.entries(componentShape(jsonSchemaOf(schema)).properties).flatMap(([name, p]) =>
        CONSTRAINTS.filter((key) => p[key] !== undefined).map((key) => `${name}.${key}`),
      );
    // The same test sees a constraint when there is one.
    expect(constraints(z.object({ id: z.string().check(z.minLength(1)) }))).toEqual([
      'id.minLength',
    ]);
    expect(constraints(CustomerRequest)).toEqual([]);
    expect(constraints(PrepaidOrderRequest)).toEqual([]);
    expect(constraints(PricingPlanAssignmentRequest)).toEqual([]);
  });
});
