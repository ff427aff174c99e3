import type { Customer } from '@amberkit/core/schemas';
import { Box, Text } from 'ink';
import { memo, useState } from 'react';
import { safeText } from '../../model/safe-text.js';
import { useAppActions } from '../app-context.js';
import { ErrorBox } from '../components/error-box.js';
import { SpinnerLine } from '../components/spinner-line.js';
import { TextInput } from '../components/text-input.js';
import { useCapture, useKeymap } from '../hooks/use-keymap.js';
import { useMutation } from '../hooks/use-request.js';
import type { ViewProps } from './view-props.js';

type DeleteCustomerViewProps = ViewProps & { readonly customer: Customer };

/** Deleting needs the customer id typed out, as GitHub asks for a repository's name. */
export const DeleteCustomerView = memo(function DeleteCustomerView({
  customer,
  active,
  height,
}: DeleteCustomerViewProps) {
  const actions = useAppActions();
  const id = customer.customerId;
  // What the screen shows, and so what a person can type back (an id may hold a control).
  const shownId = safeText(id);
  const [typed, setTyped] = useState('');
  // The text last refused; TextInput re-sends onChange on every render, so no reset-on-change flag.
  const [refused, setRefused] = useState<string | null>(null);
  const mismatch = refused !== null && refused === typed;
  const remove = useMutation((_: undefined, signal: AbortSignal) =>
    actions.client.customers.delete(id, { signal }),
  );
  useCapture(active, true);

  const confirm = async () => {
    if (remove.pending) return;
    if (typed.trim() !== id && typed.trim() !== shownId) {
      setRefused(typed);
      return;
    }
    if ((await remove.run(undefined)) === undefined) return;
    actions.invalidate();
    actions.flash(`Deleted ${id}`, 'success');
    // The customer view below this one shows a customer that no longer exists.
    actions.pop(2);
  };
  useKeymap(
    remove.pending
      ? [{ keys: ['esc'], label: 'cancel the request', footer: true, run: remove.cancel }]
      : [
          { keys: ['enter'], label: 'delete', footer: true, run: () => void confirm() },
          { keys: ['esc'], label: 'cancel', footer: true, run: () => actions.pop() },
        ],
    active,
  );

  return (
    <Box flexDirection="column" height={height} overflowY="hidden">
      <Text color="red" bold wrap="truncate">
        Delete customer {safeText(customer.customerName)} ({shownId})?
      </Text>
      <Text wrap="truncate">
        This cannot be undone. Type the customer id to confirm, then press Enter.
      </Text>
      <Box>
        <Text color="cyan">{'> '}</Text>
        {active && !remove.pending ? (
          <TextInput defaultValue={typed} placeholder={`type ${shownId}`} onChange={setTyped} />
        ) : (
          <Text>{typed}</Text>
        )}
      </Box>
      {mismatch ? <Text color="red">✗ That is not “{shownId}”; nothing was deleted.</Text> : null}
      {remove.pending ? <SpinnerLine label={`Deleting ${shownId}… (Esc cancels)`} /> : null}
      {remove.error !== undefined ? (
        <ErrorBox error={remove.error} maxLines={Math.max(1, height - 4)} />
      ) : null}
    </Box>
  );
});
