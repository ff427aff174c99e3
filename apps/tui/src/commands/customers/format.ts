import type { Customer } from '@amberkit/core/schemas';
import { customerTimes } from '@amberkit/core/time';
import { cell, showDate, tryDates } from '../format.js';
import { details, table } from '../output.js';

/** Name and email give way first on a narrow terminal, the id last; in a pipe they are held to 48. */
const CUSTOMER_COLUMNS = [
  { title: 'ID', shrink: 3, min: 12 },
  { title: 'NAME', shrink: 1, min: 10, pipeMax: 48 },
  { title: 'EMAIL', shrink: 2, min: 10, pipeMax: 48 },
  'STAGE',
  'CREATED',
] as const;

/** The customers table: id, name, email, stage, created; `width` is the terminal's. */
export function customerTable(customers: readonly Customer[], width?: number): string[] {
  if (customers.length === 0) return ['No customers.'];
  const rows = customers.map((c) => [
    c.customerId,
    cell(c.customerName),
    cell(c.customerEmail),
    cell(c.lifecycleStage),
    showDate(tryDates(() => customerTimes(c).created, undefined)),
  ]);
  return table(CUSTOMER_COLUMNS, rows, width);
}

/** Every field of one customer, timestamps as local dates. */
export function customerDetails(c: Customer): string[] {
  const times = tryDates(() => customerTimes(c), {});
  const address = c.address
    ? [c.address.line1, c.address.city, c.address.state, c.address.postalCode, c.address.country]
        .filter((part) => part !== undefined && part !== '')
        .join(', ')
    : undefined;
  const traits = Object.entries(c.traits ?? {}).map(([key, value]) => `${key}=${value}`);
  return details([
    ['ID', c.customerId],
    ['Name', c.customerName],
    ['Email', c.customerEmail],
    ['Description', c.description],
    ['Stage', c.lifecycleStage],
    ['Test', c.test === undefined ? undefined : c.test ? 'yes' : 'no'],
    ['Address', address],
    ['Traits', traits.length > 0 ? traits.join(', ') : undefined],
    ['Created', times.created && showDate(times.created, true)],
    ['Updated', times.updated && showDate(times.updated, true)],
    ['Deleted', times.deleted && showDate(times.deleted, true)],
  ]);
}
