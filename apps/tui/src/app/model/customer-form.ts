import { Customer, CustomerRequest, toErrorIssues } from '@amberkit/core/schemas';
import { safeText } from '../../model/safe-text.js';
import { type FieldErrors, type FormValues, flag, issuesToErrors, text } from './form-values.js';

export const ADDRESS_FIELDS = ['line1', 'city', 'state', 'postalCode', 'country'] as const;
const SERVER_SET = ['createTime', 'updateTime', 'deleteTime'] as const;

/** Trait lines live under `trait.0`, `trait.1`…; the form always offers one empty line more. */
export function traitKeys(values: FormValues): string[] {
  return Object.keys(values)
    .filter((key) => key.startsWith('trait.'))
    .sort((a, b) => Number(a.slice(6)) - Number(b.slice(6)));
}

/**
 * The form's starting values. Text is shown as {@link safeText} shows it (a control character
 * as an escape such as `\x1b`), so the form never writes one to the terminal; a field left as
 * shown is sent as it was (see `edited`), one the person changed is sent as they see it.
 */
export function customerToValues(customer?: Customer): FormValues {
  const values: Record<string, string | boolean> = {
    customerId: safeText(customer?.customerId ?? ''),
    customerName: safeText(customer?.customerName ?? ''),
    customerEmail: safeText(customer?.customerEmail ?? ''),
    description: safeText(customer?.description ?? ''),
    lifecycleStage: customer?.lifecycleStage ?? '',
    test: customer?.test ?? false,
    'address.verified': customer?.address?.verified ?? false,
    createInStripe: false,
  };
  for (const key of ADDRESS_FIELDS)
    values[`address.${key}`] = safeText(customer?.address?.[key] ?? '');
  const traits = Object.entries(customer?.traits ?? {});
  traits.forEach(([key, value], index) => {
    values[`trait.${index}`] = shownTrait(key, value);
  });
  values[`trait.${traits.length}`] = '';
  return values;
}

/**
 * A trait as one line: `key=value`, split at the first `=` not escaped with a backslash. In the
 * key, `\=` stands for `=` and `\\` for `\`; the value is everything after, as typed. Nothing
 * is trimmed, so every key and value round-trips.
 */
export function formatTrait(key: string, value: string): string {
  return `${key.replace(/[\\=]/g, (char) => `\\${char}`)}=${value}`;
}

/** A trait line as the form shows it: {@link formatTrait} of the escaped key and value. */
const shownTrait = (key: string, value: string) => formatTrait(safeText(key), safeText(value));

/** The inverse of {@link formatTrait}; `undefined` when the line has no unescaped `=`. */
export function parseTrait(line: string): { key: string; value: string } | undefined {
  let key = '';
  for (let at = 0; at < line.length; at++) {
    const char = line[at];
    const next = line[at + 1];
    if (char === '\\' && (next === '\\' || next === '=')) {
      key += next;
      at++;
    } else if (char === '=') {
      return { key, value: line.slice(at + 1) };
    } else {
      key += char;
    }
  }
  return undefined;
}

function parseTraits(
  values: FormValues,
  original: Readonly<Record<string, string>> = {},
): {
  traits: Record<string, string>;
  errors: Record<string, string>;
} {
  // A line left as shown stands for the trait it showed, control characters and all.
  const shown = new Map(
    Object.entries(original).map(([key, value]) => [shownTrait(key, value), { key, value }]),
  );
  // A Map, so trait names like "constructor" or "__proto__" are plain data.
  const traits = new Map<string, string>();
  const errors: Record<string, string> = {};
  for (const key of traitKeys(values)) {
    const line = values[key];
    if (typeof line !== 'string' || line.trim() === '') continue;
    const trait = shown.get(line) ?? parseTrait(line);
    if (trait === undefined || trait.key === '') errors[key] = 'write traits as key=value';
    else if (traits.has(trait.key)) errors[key] = `duplicate trait "${trait.key}"`;
    // JSON handling upstream (and zod's record parse) silently drops this one name.
    else if (trait.key === '__proto__') errors[key] = '"__proto__" cannot be a trait name';
    else traits.set(trait.key, trait.value);
  }
  return { traits: Object.fromEntries(traits), errors };
}

/** A text field: what the user left as it was is sent as it was; what they typed is trimmed. */
function edited(values: FormValues, key: string, original: unknown): string {
  return typeof original === 'string' && values[key] === safeText(original)
    ? original
    : text(values, key);
}

/** Sets `target[key]` to `value`, or drops it when emptied (an untouched `''` stays). */
function setText(target: Record<string, unknown>, key: string, value: string, original: unknown) {
  if (value === '' && original !== '') delete target[key];
  else target[key] = value;
}

/** A checkbox is sent when the record had the field or the user ticked it, never invented. */
function setFlag(target: Record<string, unknown>, key: string, value: boolean, original: unknown) {
  if (original !== undefined || value) target[key] = value;
  else delete target[key];
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
  body.customerId = edited(values, 'customerId', original?.customerId);
  body.customerName = edited(values, 'customerName', original?.customerName);
  for (const key of ['customerEmail', 'description', 'lifecycleStage'] as const) {
    setText(body, key, edited(values, key, original?.[key]), original?.[key]);
  }
  setFlag(body, 'test', flag(values, 'test'), original?.test);
  const { traits, errors: traitErrors } = parseTraits(values, original?.traits);
  if (Object.keys(traits).length > 0) body.traits = traits;
  else delete body.traits;
  const before: Record<string, unknown> = { ...original?.address };
  const address: Record<string, unknown> = { ...before };
  for (const key of ADDRESS_FIELDS) {
    const value = edited(values, `address.${key}`, before[key]);
    setText(address, key, value, before[key]);
  }
  setFlag(address, 'verified', flag(values, 'address.verified'), before.verified);
  // An address the user left as it was is sent as it was, even one whose lines are all empty
  // (the spec allows it); one they emptied is dropped.
  const untouched =
    original?.address !== undefined &&
    ADDRESS_FIELDS.every((key) => values[`address.${key}`] === safeText(String(before[key] ?? '')));
  const hasAddress =
    untouched || ADDRESS_FIELDS.some((key) => text(values, `address.${key}`) !== '');
  if (hasAddress) body.address = address;
  else delete body.address;

  // An edit is checked as `customers.update` checks it (the spec's Customer, which is what the
  // API returned), so a record read from the API can always be saved back unchanged; a new
  // customer gets the stricter CustomerRequest.
  const parsed = (original ? Customer : CustomerRequest).safeParse(body);
  const errors = parsed.success ? {} : issuesToErrors(toErrorIssues(parsed.error, body), fieldFor);
  const all = { ...errors, ...traitErrors };
  if (!parsed.success || Object.keys(all).length > 0) return { ok: false, errors: all };
  return { ok: true, body: parsed.data, createInStripe: flag(values, 'createInStripe') };
}
