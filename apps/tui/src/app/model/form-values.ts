/** A form's state: text fields hold strings, checkboxes booleans. Keys are field paths. */
export type FormValues = Readonly<Record<string, string | boolean>>;
/** Per-field messages keyed like {@link FormValues}; `_form` holds what belongs to no field. */
export type FieldErrors = Readonly<Record<string, string>>;

/** A new field value, or how to compute it from the current one. */
export type FieldUpdate =
  | string
  | boolean
  | ((current: string | boolean | undefined) => string | boolean);

/** Applies a {@link FieldUpdate} to `values`. */
export function updateField(values: FormValues, key: string, update: FieldUpdate): FormValues {
  const next = typeof update === 'function' ? update(values[key]) : update;
  // Same object when nothing changed, so an echoing input cannot start a render loop.
  return values[key] === next ? values : { ...values, [key]: next };
}

export function text(values: FormValues, key: string): string {
  const value = values[key];
  return typeof value === 'string' ? value.trim() : '';
}

export function flag(values: FormValues, key: string): boolean {
  return values[key] === true;
}

/**
 * Collects core's issues (`{ path, message }`, from `toErrorIssues(error, input)` so absent
 * fields read "is required") into one message per field, first wins.
 */
export function issuesToErrors(
  issues: ReadonlyArray<{ path: string; message: string }>,
  fieldFor: (path: string) => string,
): FieldErrors {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const key = fieldFor(issue.path);
    errors[key] ??= friendly(issue.message);
  }
  return errors;
}

/** In a form an empty box is a field not given: say "is required", as for an absent one. */
function friendly(message: string): string {
  return message === 'must not be empty' ? 'is required' : message;
}

/**
 * Whether `values` differ from where the form started. A field absent on one side counts as
 * empty, so the spare trait line the form adds is no change.
 */
export function isDirty(values: FormValues, initial: FormValues): boolean {
  const keys = new Set([...Object.keys(values), ...Object.keys(initial)]);
  for (const key of keys) {
    const a = values[key];
    const b = initial[key];
    if (typeof a === 'boolean' || typeof b === 'boolean') {
      if ((a === true) !== (b === true)) return true;
    } else if ((a ?? '') !== (b ?? '')) return true;
  }
  return false;
}
