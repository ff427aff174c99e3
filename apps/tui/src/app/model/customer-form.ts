import { type Customer, CustomerRequest, toErrorIssues } from '@amberkit/core/schemas';
import { type FieldErrors, type FormValues, flag, issuesToErrors, text } from './form-values.js';

export const ADDRESS_FIELDS = ['line1', 'city', 'state', 'postalCode', 'country'] as const;
const SERVER_SET = ['createTime', 'updateTime', 'deleteTime'] as const;

/** Trait lines live under `trait.0`, `trait.1`…; the form always offers one empty line more. */
export function traitKeys(values: FormValues): string[] {
  return Object.keys(values)
    .filter((key) => key.startsWith('trait.'))
    .sort((a, b) => Number(a.slice(6)) - Number(b.slice(6)));
}

export function customerToValues(customer?: Customer): FormValues {
  const values: Record<string, string | boolean> = {
    customerId: customer?.customerId ?? '',
    customerName: customer?.customerName ?? '',
    customerEmail: customer?.customerEmail ?? '',
    description: customer?.description ?? '',
    lifecycleStage: customer?.lifecycleStage ?? '',
    test: customer?.test ?? false,
    'address.verified': customer?.address?.verified ?? false,
    createInStripe: false,
  };
  for (const key of ADDRESS_FIELDS) values[`address.${key}`] = customer?.address?.[key] ?? '';
  const traits = Object.entries(customer?.traits ?? {});
  traits.forEach(([key, value], index) => {
    values[`trait.${index}`] = `${key}=${value}`;
  });
  values[`trait.${traits.length}`] = '';
  return values;
}

function parseTraits(values: FormValues): {
  traits: Record<string, string>;
  errors: Record<string, string>;
} {
  // A Map, so trait names like "constructor" or "__proto__" are plain data.
  const traits = new Map<string, string>();
  const errors: Record<string, string> = {};
  for (const key of traitKeys(values)) {
    const line = text(values, key);
    if (line === '') continue;
    const at = line.indexOf('=');
    const name = at < 0 ? '' : line.slice(0, at).trim();
    if (name === '') errors[key] = 'write traits as key=value';
    else if (traits.has(name)) errors[key] = `duplicate trait "${name}"`;
    // JSON handling upstream (and zod's record parse) silently drops this one name.
    else if (name === '__proto__') errors[key] = '"__proto__" cannot be a trait name';
    else traits.set(name, line.slice(at + 1).trim());
  }
  return { traits: Object.fromEntries(traits), errors };
}

const TOP_LEVEL_FIELDS = new Set([
  'customerId',
  'customerName',
  'customerEmail',
  'description',
  'test',
  'lifecycleStage',
]);

/** The form field a schema issue belongs to (`_form` when the form has no such field). */
function fieldFor(path: string): string {
  if (path === 'address') return 'address.line1';
  if (path.startsWith('traits')) return 'trait.0';
  if (path.startsWith('address.') || TOP_LEVEL_FIELDS.has(path)) return path;
  return '_form';
}

export type CustomerFormResult =
  | { readonly ok: true; readonly body: CustomerRequest; readonly createInStripe: boolean }
  | { readonly ok: false; readonly errors: FieldErrors };

/**
 * Builds the request body and checks it with core's schema before anything is sent. An edit
 * starts from the original record, because the API replaces the whole customer: fields the
 * form does not show (unknown upstream fields) are kept; emptied optional fields are dropped.
 */
export function validateCustomerForm(values: FormValues, original?: Customer): CustomerFormResult {
  const body: Record<string, unknown> = { ...original };
  for (const key of SERVER_SET) delete body[key];
  body.customerId = text(values, 'customerId');
  body.customerName = text(values, 'customerName');
  for (const key of ['customerEmail', 'description', 'lifecycleStage'] as const) {
    const value = text(values, key);
    if (value === '') delete body[key];
    else body[key] = value;
  }
  body.test = flag(values, 'test');
  const { traits, errors: traitErrors } = parseTraits(values);
  if (Object.keys(traits).length > 0) body.traits = traits;
  else delete body.traits;
  const address: Record<string, unknown> = { ...original?.address };
  for (const key of ADDRESS_FIELDS) {
    const value = text(values, `address.${key}`);
    if (value === '') delete address[key];
    else address[key] = value;
  }
  const hasAddress = ADDRESS_FIELDS.some((key) => text(values, `address.${key}`) !== '');
  if (hasAddress) body.address = { ...address, verified: flag(values, 'address.verified') };
  else delete body.address;

  const parsed = CustomerRequest.safeParse(body);
  const errors = parsed.success ? {} : issuesToErrors(toErrorIssues(parsed.error), fieldFor);
  const all = { ...errors, ...traitErrors };
  if (!parsed.success || Object.keys(all).length > 0) return { ok: false, errors: all };
  return { ok: true, body: parsed.data, createInStripe: flag(values, 'createInStripe') };
}
