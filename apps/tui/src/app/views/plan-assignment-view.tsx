import { memo, useCallback, useMemo } from 'react';
import { useAppActions } from '../app-context.js';
import type { FieldSpec } from '../components/form-fields.js';
import type { FormValues } from '../model/form-values.js';
import { planDefaults, validatePlanForm } from '../model/plan-form.js';
import { ConfirmedFormView } from './confirmed-form-view.js';
import type { ViewProps } from './view-props.js';

const FIELDS: readonly FieldSpec[] = [
  { kind: 'text', key: 'productId', label: 'Plan (product id)', placeholder: 'e.g. plan-standard' },
  {
    kind: 'text',
    key: 'start',
    label: 'Starts on',
    placeholder: 'YYYY-MM-DD (optional, default now)',
  },
];

/** Assigns a pricing plan to one customer. */
export const PlanAssignmentView = memo(function PlanAssignmentView({
  customerId,
  ...view
}: ViewProps & { readonly customerId: string }) {
  const { client } = useAppActions();
  const defaults = useMemo(planDefaults, []);
  const validate = useCallback(
    (values: FormValues) => validatePlanForm(customerId, values),
    [customerId],
  );
  return (
    <ConfirmedFormView
      {...view}
      title={`Assign a pricing plan to ${customerId}`}
      fields={FIELDS}
      defaults={defaults}
      validate={validate}
      send={(body, signal) => client.pricingPlans.assign(body, { signal })}
      done={(assignment) => `Plan ${assignment.productId ?? ''} assigned to ${customerId}`}
    />
  );
});
