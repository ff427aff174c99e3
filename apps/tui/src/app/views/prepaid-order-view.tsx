import { memo, useCallback, useMemo } from 'react';
import { useAppActions } from '../app-context.js';
import type { FieldSpec } from '../components/form-fields.js';
import type { FormValues } from '../model/form-values.js';
import { prepaidDefaults, validatePrepaidForm } from '../model/prepaid-form.js';
import { ConfirmedFormView } from './confirmed-form-view.js';
import type { ViewProps } from './view-props.js';

const FIELDS: readonly FieldSpec[] = [
  { kind: 'text', key: 'amount', label: 'Amount', placeholder: 'e.g. 500.00' },
  { kind: 'text', key: 'currency', label: 'Currency', placeholder: 'ISO code such as EUR' },
  { kind: 'text', key: 'expiration', label: 'Expires on', placeholder: 'YYYY-MM-DD (optional)' },
];

/** A new prepaid credit order for one customer. */
export const PrepaidOrderView = memo(function PrepaidOrderView({
  customerId,
  ...view
}: ViewProps & { readonly customerId: string }) {
  const { client } = useAppActions();
  const defaults = useMemo(prepaidDefaults, []);
  const validate = useCallback(
    (values: FormValues) => validatePrepaidForm(customerId, values),
    [customerId],
  );
  return (
    <ConfirmedFormView
      {...view}
      title={`Prepaid order for ${customerId}`}
      fields={FIELDS}
      defaults={defaults}
      validate={validate}
      send={(body, signal) => client.prepaidOrders.create(body, { signal })}
      done={(order) => `Prepaid order ${order.orderId ?? ''} created for ${customerId}`}
    />
  );
});
