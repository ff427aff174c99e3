import { SPEC_LIFECYCLE_STAGES } from '@amberkit/core/schemas';
import type { ParsedArgs } from '../args.js';
import { UsageError } from '../errors.js';
import { CUSTOMER_FIELD_OPTIONS } from './options.js';

const FIELDS = [
  ['name', 'customerName'],
  ['email', 'customerEmail'],
  ['description', 'description'],
] as const;
const ADDRESS = [
  ['address-line1', 'line1'],
  ['address-city', 'city'],
  ['address-state', 'state'],
  ['address-postal-code', 'postalCode'],
  ['address-country', 'country'],
] as const;

/** Lays the field flags over `base` (a --body, or the current record on update). */
export function applyCustomerFlags(
  base: Record<string, unknown>,
  args: ParsedArgs,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [flag, field] of FIELDS) {
    const value = args.string(flag);
    if (value !== undefined) out[field] = value;
  }
  const stage = args.string('stage');
  if (stage !== undefined) out.lifecycleStage = writableStage(stage, '--stage');
  if (args.flag('test') && args.flag('no-test')) {
    throw new UsageError('--test and --no-test contradict each other');
  }
  if (args.flag('test')) out.test = true;
  if (args.flag('no-test')) out.test = false;
  const traits = parseTraits(args.strings('trait'));
  if (traits) out.traits = { ...asRecord(base.traits), ...traits };
  const address: Record<string, string | boolean> = {};
  for (const [flag, field] of ADDRESS) {
    const value = args.string(flag);
    if (value !== undefined) address[field] = value;
  }
  if (args.flag('address-verified') && args.flag('no-address-verified')) {
    throw new UsageError('--address-verified and --no-address-verified contradict each other');
  }
  if (args.flag('address-verified')) address.verified = true;
  if (args.flag('no-address-verified')) address.verified = false;
  if (Object.keys(address).length > 0) out.address = { ...asRecord(base.address), ...address };
  return out;
}

/** The stages a write may use: the spec's enum (core also reads the live API's `TRIAL`). */
const SPEC_STAGES: readonly string[] = SPEC_LIFECYCLE_STAGES;

/**
 * A `--body`'s `lifecycleStage` in the spec's spelling, as `--stage` takes it (a `--stage` flag
 * replaces it anyway): a record written from a file or stdin follows the same rule as flags.
 */
export function checkBodyStage(body: Record<string, unknown>, args: ParsedArgs): void {
  if (typeof body.lifecycleStage === 'string' && args.string('stage') === undefined)
    body.lifecycleStage = writableStage(body.lifecycleStage, 'lifecycleStage (--body)');
}

/**
 * A lifecycle stage to send, upper-cased. Only the spec's spellings are written; `TRIAL`, the
 * live API's spelling, is refused with the spec's (`TRAIL`), so nobody stores both.
 */
export function writableStage(value: string, where: string): string {
  const stage = value.trim().toUpperCase();
  if (SPEC_STAGES.includes(stage)) return stage;
  const hint = stage === 'TRIAL' ? ' (the spec spells it TRAIL)' : '';
  throw new UsageError(`${where}: '${value}' is not one of ${SPEC_STAGES.join(', ')}${hint}`);
}

function parseTraits(pairs: readonly string[]): Record<string, string> | undefined {
  if (pairs.length === 0) return undefined;
  const traits: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at <= 0) throw new UsageError(`--trait expects KEY=VALUE, got '${pair}'`);
    traits[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return traits;
}

const asRecord = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};

/** True when any field flag was given (update needs something to change). */
export function hasCustomerFlags(args: ParsedArgs): boolean {
  return Object.keys(CUSTOMER_FIELD_OPTIONS).some(
    (name) => name !== 'body' && args.values[name] !== undefined,
  );
}
