import type { Customer } from '@amberkit/core/schemas';
import { Box, Text } from 'ink';
import { memo, useMemo, useState } from 'react';
import { padEndColumns } from '../../model/display-width.js';
import { safeText } from '../../model/safe-text.js';
import { useAppActions, useRevision } from '../app-context.js';
import { ErrorBox } from '../components/error-box.js';
import { SpinnerLine } from '../components/spinner-line.js';
import { StaleNoticeLine } from '../components/stale-notice.js';
import { TitleLine } from '../components/title-line.js';
import { type Binding, useCapture, useKeymap } from '../hooks/use-keymap.js';
import { staleOf, useRequest } from '../hooks/use-request.js';
import { customerDetails } from '../model/customer-details.js';
import { copiedMessage, osc52 } from '../model/osc52.js';
import type { ViewProps } from './view-props.js';

type CustomerViewProps = ViewProps & { readonly id: string };

/** One customer, every field; the actions on it are single keys. */
export const CustomerView = memo(function CustomerView({ id, active, height }: CustomerViewProps) {
  const actions = useAppActions();
  const revision = useRevision();
  const request = useRequest(
    (signal) => actions.client.customers.get(id, { signal }),
    [actions.client, id, revision],
  );
  const [scroll, setScroll] = useState(0);
  const customer = request.data;
  const lines = useMemo(() => (customer ? customerDetails(customer) : []), [customer]);
  // A failed refresh keeps the record on screen; a line under the title says it is stale.
  const stale = staleOf(request);
  const room = Math.max(1, height - 2 - (stale ? 1 : 0));
  const maxScroll = Math.max(0, lines.length - room);
  useCapture(active, false);

  const withCustomer = (run: (c: Customer) => void) => () => {
    if (customer) run(customer);
  };
  // Edit and delete need the record: until it has loaded they are not offered.
  const recordBindings: Binding[] = [
    {
      keys: ['e'],
      label: 'edit',
      footer: true,
      write: true,
      run: withCustomer((c) => actions.push({ kind: 'customer-form', customer: c })),
    },
    {
      keys: ['d'],
      label: 'delete',
      footer: true,
      write: true,
      run: withCustomer((c) => actions.push({ kind: 'delete-customer', customer: c })),
    },
  ];
  const bindings: Binding[] = [
    ...(customer ? recordBindings : []),
    {
      keys: ['i'],
      label: 'invoices',
      footer: true,
      run: () => actions.push({ kind: 'invoices', customerId: id }),
    },
    {
      keys: ['p'],
      label: 'prepaid order',
      footer: true,
      write: true,
      run: () => actions.push({ kind: 'prepaid', customerId: id }),
    },
    {
      keys: ['a'],
      label: 'assign plan',
      footer: true,
      write: true,
      run: () => actions.push({ kind: 'plan', customerId: id }),
    },
    {
      keys: ['y'],
      label: 'copy id',
      run: () => {
        actions.writeRaw(osc52(id));
        actions.flash(copiedMessage(id), 'info');
      },
    },
    { keys: ['r'], label: 'refresh', run: request.reload },
    {
      keys: ['down', 'j'],
      label: 'scroll down',
      run: () => setScroll((s) => Math.min(maxScroll, s + 1)),
    },
    { keys: ['up', 'k'], label: 'scroll up', run: () => setScroll((s) => Math.max(0, s - 1)) },
    { keys: ['esc'], label: 'back', footer: true, run: () => actions.pop() },
  ];
  useKeymap(bindings, active);

  if (request.status === 'error' && customer === undefined) {
    return (
      <ErrorBox
        error={request.error}
        hint="Press r to try again, Esc to go back."
        maxLines={height}
      />
    );
  }
  if (customer === undefined) return <SpinnerLine label={`Loading ${id}…`} />;
  const top = Math.min(scroll, maxScroll);
  return (
    <Box flexDirection="column" height={height} overflowY="hidden">
      <TitleLine refreshing={request.status === 'loading'}>
        <Text bold>{safeText(customer.customerName)}</Text>{' '}
        <Text dimColor>{safeText(customer.customerId)}</Text>
      </TitleLine>
      {stale ? <StaleNoticeLine stale={stale} /> : null}
      {lines.slice(top, top + room).map((line, index) =>
        'heading' in line ? (
          <Text key={`h:${line.heading}`} bold color="cyan">
            {safeText(line.heading)}
          </Text>
        ) : (
          <Text key={`${top + index}:${line.label}`} wrap="truncate">
            <Text dimColor>{padEndColumns(`  ${safeText(line.label)}`, 24)}</Text>
            {safeText(line.value)}
          </Text>
        ),
      )}
      {maxScroll > 0 ? (
        <Text dimColor>{`  ${top + room < lines.length ? '↓ j/k scroll' : ''}`}</Text>
      ) : null}
    </Box>
  );
});
