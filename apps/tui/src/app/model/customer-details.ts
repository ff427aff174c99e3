import type { Customer } from '@amberkit/core/schemas';
import { customerTimes } from '@amberkit/core/time';
import { showDate } from './dates.js';

/** A line of the customer view: a label and value, or a section heading. */
export type DetailLine =
  | { readonly label: string; readonly value: string }
  | { readonly heading: string };

const KNOWN = new Set([
  'customerId',
  'customerName',
  'customerEmail',
  'description',
  'lifecycleStage',
  'test',
  'enabled',
  'createTime',
  'updateTime',
  'deleteTime',
  'deactivateTimeStamp',
  'address',
  'traits',
]);

function times(customer: Customer): DetailLine[] {
  try {
    const t = customerTimes(customer);
    const lines: DetailLine[] = [
      { label: 'Created', value: showDate(t.created, true) },
      { label: 'Updated', value: showDate(t.updated, true) },
    ];
    if (t.deleted) lines.push({ label: 'Deleted', value: showDate(t.deleted, true) });
    if (t.deactivated) lines.push({ label: 'Deactivated', value: showDate(t.deactivated, true) });
    return lines;
  } catch (error) {
    return [{ label: 'Timestamps', value: error instanceof Error ? error.message : String(error) }];
  }
}

/** Every field of a customer, dates in the local zone, unknown upstream fields last. */
export function customerDetails(customer: Customer): DetailLine[] {
  const yesNo = (value: boolean | undefined) => (value === undefined ? '—' : value ? 'yes' : 'no');
  const lines: DetailLine[] = [
    { label: 'ID', value: customer.customerId },
    { label: 'Name', value: customer.customerName },
    { label: 'Email', value: customer.customerEmail ?? '—' },
    { label: 'Description', value: customer.description ?? '—' },
    { label: 'Lifecycle stage', value: customer.lifecycleStage ?? '—' },
    { label: 'Test account', value: yesNo(customer.test) },
  ];
  if (customer.enabled !== undefined)
    lines.push({ label: 'Enabled (deprecated)', value: yesNo(customer.enabled) });
  lines.push(...times(customer), { heading: 'Address' });
  const address = customer.address;
  if (address === undefined) lines.push({ label: '', value: '(none)' });
  else {
    lines.push(
      { label: 'Line 1', value: address.line1 },
      { label: 'City', value: address.city },
      { label: 'State', value: address.state ?? '—' },
      { label: 'Postal code', value: address.postalCode ?? '—' },
      { label: 'Country', value: address.country },
      { label: 'Verified', value: yesNo(address.verified) },
    );
  }
  lines.push({ heading: 'Traits' });
  const traits = Object.entries(customer.traits ?? {});
  if (traits.length === 0) lines.push({ label: '', value: '(none)' });
  for (const [key, value] of traits) lines.push({ label: key, value });
  const extra = Object.entries(customer).filter(([key]) => !KNOWN.has(key));
  if (extra.length > 0) {
    lines.push({ heading: 'Other fields' });
    for (const [key, value] of extra) lines.push({ label: key, value: JSON.stringify(value) });
  }
  return lines;
}
