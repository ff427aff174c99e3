/** Scopes a caller key can hold; `*` grants every scope. */
export const SCOPES = [
  'customers:read',
  'customers:write',
  'invoices:read',
  'prepaid:write',
  'plans:write',
  '*',
] as const;
export type Scope = (typeof SCOPES)[number];

/** Whether a key holding `granted` may use an operation that needs `required`. */
export function hasScope(granted: readonly Scope[], required: Scope): boolean {
  return granted.includes(required) || granted.includes('*');
}
