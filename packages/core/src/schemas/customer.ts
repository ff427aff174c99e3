import * as z from 'zod/mini';
import { Address } from './address.js';
import { beyondSpec, doc, integer, specJsonSchema } from './doc.js';
import { LIFECYCLE_STAGES, SPEC_LIFECYCLE_STAGES } from './lifecycle-stage.js';

const millis = (description: string, example?: number) =>
  doc(integer(), {
    description,
    format: 'int64',
    ...(example === undefined ? {} : { example }),
  });

/**
 * A customer id that can stand in a URL path: not `.` or `..`, which URL parsers treat (with
 * `%2E`, `%2E%2E`) as dot segments and drop or climb, whatever the encoding.
 */
export const notDotSegment = z.refine<string>(
  (id) => id !== '.' && id !== '..',
  'must not be "." or ".." (a URL path would drop or climb it)',
);

/**
 * A lone surrogate (`'\ud800'`): `encodeURIComponent` throws a URIError on it and
 * URLSearchParams quietly sends U+FFFD instead, so such an id could be created but never read
 * back. With the `u` flag, `\p{Cs}` matches only unpaired halves, never an emoji's pair.
 */
const LONE_SURROGATE = /\p{Cs}/u;
export const wellFormedUnicode = z.refine<string>(
  (id) => !LONE_SURROGATE.test(id),
  'must be well-formed Unicode (it holds a lone surrogate)',
);

// What we send is held stricter than the spec; what we read is not (see beyondSpec). A new
// customer's id must be usable in a path later.
const requestCustomerId = () =>
  beyondSpec(
    z.string().check(z.minLength(1), z.maxLength(256), wellFormedUnicode, notDotSegment),
    'string',
  );
const traits = (description: string) =>
  z.optional(doc(z.record(z.string(), z.string()), { description }));
const stage = (description: string) =>
  // A fresh enum each time: registry metadata belongs to one schema instance. It accepts the
  // live API's TRIAL too; the document lists the spec's stages only.
  z.optional(
    doc(
      specJsonSchema(z.enum(LIFECYCLE_STAGES), {
        type: 'string',
        enum: [...SPEC_LIFECYCLE_STAGES],
      }),
      {
        description,
        example: 'ACTIVE',
      },
    ),
  );
// The spec says `format: email`; zod's email pattern is how we check it, not part of the spec.
// What we send gets zod's default (a dotted domain, ASCII); what we read only needs one `@`
// between non-blank parts (zod's unicodeEmail): `a@b` and internationalised addresses are
// valid email, and one such customer must not fail a whole strict list. Nor must a customer
// saved with an empty email field (`""`, read as "no email"), which is read too. zod's
// unicodeEmail without its length caps (64 before the @): what we send passes zod's default
// check, which has none, so a customer we created must read back. RFC 5321's other form of
// local part, a quoted string (`"john doe"@example.com`, `"a@b"@example.com`), is read as well.
const UNQUOTED_LOCAL_EMAIL = String.raw`^[^\s@"]+@[^\s@]+$`;
const QUOTED_LOCAL_EMAIL = String.raw`^"(?:[^"\\\p{Cc}]|\\[^\p{Cc}])*"@[^\s@]+$`;
const READ_EMAIL = new RegExp(`(?:${UNQUOTED_LOCAL_EMAIL})|(?:${QUOTED_LOCAL_EMAIL})|^$`, 'u');
const email = (description: string, pattern?: RegExp) =>
  z.optional(
    doc(beyondSpec(pattern ? z.email({ pattern }) : z.email(), 'string'), {
      description,
      format: 'email',
      example: 'billing@acme.com',
    }),
  );

/** A customer account in Amberflo. Unknown fields from upstream are kept. */
export const Customer = doc(
  z.looseObject({
    createTime: z.optional(millis('Creation timestamp in Unix milliseconds', 1718153645993)),
    updateTime: z.optional(millis('Last update timestamp in Unix milliseconds', 1718153645993)),
    deleteTime: z.optional(millis('Deletion timestamp in Unix milliseconds', 1718153645993)),
    customerId: doc(z.string(), {
      description: 'Unique customer identifier from your system',
      example: 'customer-123456',
    }),
    customerName: doc(z.string(), { description: 'Customer display name', example: 'Acme Corp' }),
    customerEmail: email('Customer contact email', READ_EMAIL),
    description: z.optional(
      doc(z.string(), {
        description: 'Customer description',
        example: 'Enterprise customer account for Acme Corporation',
      }),
    ),
    enabled: z.optional(
      doc(z.boolean(), {
        description: 'Deprecated — use lifecycleStage instead',
        deprecated: true,
      }),
    ),
    test: z.optional(
      doc(z.boolean(), { description: 'Whether this is a test customer account', example: false }),
    ),
    lifecycleStage: stage('Customer lifecycle stage'),
    deactivateTimeStamp: z.optional(millis('Last deactivation timestamp in Unix milliseconds')),
    traits: traits('Custom metadata for external system integration'),
    address: z.optional(Address),
  }),
  { id: 'Customer', description: 'A customer account in Amberflo' },
);
export type Customer = z.infer<typeof Customer>;

/** Request body for creating or updating a customer. */
export const CustomerRequest = doc(
  z.looseObject({
    customerId: doc(requestCustomerId(), {
      description: 'Unique customer identifier',
      example: 'customer-123456',
    }),
    customerName: doc(beyondSpec(z.string().check(z.minLength(1)), 'string'), {
      description: 'Customer display name',
      example: 'Acme Corp',
    }),
    customerEmail: email('Customer email address'),
    description: z.optional(doc(z.string(), { description: 'Customer description' })),
    test: z.optional(doc(z.boolean(), { description: 'Marks customer as test', example: false })),
    lifecycleStage: stage('Lifecycle stage'),
    traits: traits('Custom metadata'),
    address: z.optional(Address),
  }),
  { id: 'CustomerRequest', description: 'Request body for creating or updating a customer' },
);
export type CustomerRequest = z.infer<typeof CustomerRequest>;
