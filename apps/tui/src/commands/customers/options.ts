import type { OptionSpec } from '../args.js';

/** A flag for each CustomerRequest field (`--id` only where an id is not positional). */
export const CUSTOMER_FIELD_OPTIONS = {
  name: { type: 'string' },
  email: { type: 'string' },
  description: { type: 'string' },
  stage: { type: 'string' },
  test: { type: 'boolean' },
  'no-test': { type: 'boolean' },
  trait: { type: 'string', multiple: true },
  'address-line1': { type: 'string' },
  'address-city': { type: 'string' },
  'address-state': { type: 'string' },
  'address-postal-code': { type: 'string' },
  'address-country': { type: 'string' },
  'address-verified': { type: 'boolean' },
  'no-address-verified': { type: 'boolean' },
  body: { type: 'string' },
} as const satisfies OptionSpec;

export const CUSTOMER_FIELD_HELP = [
  '  --name NAME            customer name',
  '  --email EMAIL          contact email',
  '  --description TEXT     description',
  '  --stage STAGE          ONBOARDING, TRAIL, ACTIVE or OFFBOARDED (the spec spells it TRAIL)',
  '  --test / --no-test     mark as a test customer, or not',
  '  --trait KEY=VALUE      set a trait (repeatable)',
  '  --address-line1 TEXT   address: line 1, with --address-city and --address-country',
  '  --address-city TEXT    --address-state TEXT  --address-postal-code TEXT',
  '  --address-country CODE ISO country code',
  '  --address-verified     mark the address verified (--no-address-verified: not verified)',
  '  --body FILE|-          JSON body from a file or stdin; field flags override it',
] as const;

/** Schema paths to the flag that sets them, so a validation error names the flag. */
export const CUSTOMER_FLAG_FOR: Readonly<Record<string, string>> = {
  customerId: '--id',
  customerName: '--name',
  customerEmail: '--email',
  description: '--description',
  lifecycleStage: '--stage',
  test: '--test',
  traits: '--trait',
  'address.line1': '--address-line1',
  'address.city': '--address-city',
  'address.state': '--address-state',
  'address.postalCode': '--address-postal-code',
  'address.country': '--address-country',
  'address.verified': '--address-verified',
};
