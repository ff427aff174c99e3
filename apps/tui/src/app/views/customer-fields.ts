import { LIFECYCLE_STAGES } from '@amberkit/core/schemas';
import type { FieldSpec } from '../components/form-fields.js';
import { traitKeys } from '../model/customer-form.js';
import type { FormValues } from '../model/form-values.js';

/**
 * The spec's stages to choose from. `TRIAL` (the live API's spelling of the spec's `TRAIL`) is
 * offered only when the record already carries it, so nobody has to pick between two
 * spellings of the same stage, and an edit never changes a stage nobody touched.
 */
function stageOptions(current: unknown) {
  const stages = LIFECYCLE_STAGES.filter((stage) => stage !== 'TRIAL' || current === 'TRIAL');
  return [{ value: '', label: 'none' }, ...stages.map((stage) => ({ value: stage, label: stage }))];
}

/** Every CustomerRequest field, one trait line per trait plus an empty one to add another. */
export function customerFields(values: FormValues, editing: boolean): FieldSpec[] {
  const traits = traitKeys(values).map(
    (key, index): FieldSpec => ({
      kind: 'text',
      key,
      label: index === 0 ? 'Traits (key=value)' : '',
      placeholder: 'key=value',
    }),
  );
  const fields: FieldSpec[] = [
    {
      kind: 'text',
      key: 'customerId',
      label: 'Customer ID',
      placeholder: 'e.g. customer-123456',
      readOnly: editing,
    },
    { kind: 'text', key: 'customerName', label: 'Name', placeholder: 'e.g. Acme Corp' },
    { kind: 'text', key: 'customerEmail', label: 'Email', placeholder: 'e.g. billing@acme.com' },
    { kind: 'text', key: 'description', label: 'Description' },
    {
      kind: 'choice',
      key: 'lifecycleStage',
      label: 'Lifecycle stage',
      options: stageOptions(values.lifecycleStage),
    },
    { kind: 'checkbox', key: 'test', label: 'Test account' },
    ...traits,
    { kind: 'text', key: 'address.line1', label: 'Address line 1', placeholder: 'optional' },
    { kind: 'text', key: 'address.city', label: 'City' },
    { kind: 'text', key: 'address.state', label: 'State' },
    { kind: 'text', key: 'address.postalCode', label: 'Postal code' },
    { kind: 'text', key: 'address.country', label: 'Country', placeholder: 'e.g. US' },
    { kind: 'checkbox', key: 'address.verified', label: 'Address verified' },
  ];
  if (!editing)
    fields.push({ kind: 'checkbox', key: 'createInStripe', label: 'Also create in Stripe' });
  return fields;
}

/** Typing into the last trait line opens a new empty one below it. */
export function withSpareTraitLine(values: FormValues): FormValues {
  const keys = traitKeys(values);
  const last = keys[keys.length - 1];
  if (last !== undefined && values[last] === '') return values;
  return { ...values, [`trait.${keys.length}`]: '' };
}
