import type { Customer, CustomerRequest } from '@amberkit/core/schemas';
import { Box, Text } from 'ink';
import { memo, useCallback, useMemo, useState } from 'react';
import { safeText } from '../../model/safe-text.js';
import { useAppActions } from '../app-context.js';
import { ErrorBox } from '../components/error-box.js';
import { Form } from '../components/form.js';
import { SpinnerLine } from '../components/spinner-line.js';
import { useKeymap } from '../hooks/use-keymap.js';
import { useMutation } from '../hooks/use-request.js';
import { customerToValues, validateCustomerForm } from '../model/customer-form.js';
import { describeError } from '../model/describe-error.js';
import {
  type FieldErrors,
  type FieldUpdate,
  type FormValues,
  isDirty,
  updateField,
} from '../model/form-values.js';
import { customerFields, withSpareTraitLine } from './customer-fields.js';
import type { ViewProps } from './view-props.js';

type CustomerFormViewProps = ViewProps & { readonly customer?: Customer | undefined };

const STATUS_LINES = 3;

type SaveArgs = { readonly body: CustomerRequest; readonly createInStripe: boolean };

/**
 * New customer, or edit of one (the whole record is sent: the API replaces it). Checked with
 * core's schema before sending; a failed save keeps every value as typed.
 */
export const CustomerFormView = memo(function CustomerFormView({
  customer,
  active,
  height,
}: CustomerFormViewProps) {
  const actions = useAppActions();
  const editing = customer !== undefined;
  const initial = useMemo(() => customerToValues(customer), [customer]);
  const [values, setValues] = useState<FormValues>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const save = useMutation((args: SaveArgs, signal: AbortSignal) =>
    editing
      ? actions.client.customers.update(args.body, { signal })
      : actions.client.customers.create(args.body, {
          autoCreateCustomerInStripe: args.createInStripe,
          signal,
        }),
  );
  const fields = useMemo(() => customerFields(values, editing), [values, editing]);

  const onChange = useCallback((key: string, value: FieldUpdate) => {
    setValues((current) => {
      const next = updateField(current, key, value);
      return next !== current && key.startsWith('trait.') ? withSpareTraitLine(next) : next;
    });
    setErrors((current) => {
      if (current[key] === undefined) return current;
      const { [key]: _removed, ...rest } = current;
      return rest;
    });
  }, []);

  const submit = async () => {
    if (save.pending) return;
    const result = validateCustomerForm(values, customer);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    const saved = await save.run({ body: result.body, createInStripe: result.createInStripe });
    if (saved === undefined) return;
    actions.invalidate();
    const savedId = saved.value.customerId;
    actions.flash(editing ? `Saved ${savedId}` : `Created ${savedId}`, 'success');
    actions.pop();
  };

  // While a save is on its way the form takes no keys; Esc stops waiting for it.
  useKeymap(
    [{ keys: ['esc'], label: 'cancel the request', footer: true, run: save.cancel }],
    active && save.pending,
  );

  const serverIssues =
    save.error === undefined ? [] : describeError(save.error, [actions.connection.apiKey]).issues;
  return (
    <Box flexDirection="column" height={height} overflowY="hidden">
      <Text bold wrap="truncate">
        {editing ? `Edit ${safeText(customer.customerId)}` : 'New customer'}
        <Text dimColor> — ↑/↓ move, Enter next, Esc cancel</Text>
      </Text>
      <Form
        fields={fields}
        values={values}
        errors={errors}
        onChange={onChange}
        onSubmit={() => void submit()}
        onCancel={() => actions.pop()}
        dirty={isDirty(values, initial)}
        submitLabel={editing ? 'Save' : 'Create'}
        active={active && !save.pending}
        height={Math.max(1, height - 1 - STATUS_LINES)}
      />
      <Box flexDirection="column" height={STATUS_LINES} overflowY="hidden">
        {save.pending ? (
          <SpinnerLine label={`${editing ? 'Saving' : 'Creating'}… (Esc cancels)`} />
        ) : null}
        {save.error !== undefined ? <ErrorBox error={save.error} maxLines={STATUS_LINES} /> : null}
        {errors._form !== undefined ? <Text color="red">✗ {errors._form}</Text> : null}
        {serverIssues.length === 0 &&
        Object.keys(errors).length > 0 &&
        errors._form === undefined ? (
          <Text color="red">✗ Fix the fields marked above; nothing was sent.</Text>
        ) : null}
      </Box>
    </Box>
  );
});
