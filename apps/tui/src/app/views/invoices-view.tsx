import { Box, Text } from 'ink';
import { memo, type ReactNode, useMemo } from 'react';
import { safeText } from '../../model/safe-text.js';
import { MIN_BODY_LINES, useAppActions, useRevision } from '../app-context.js';
import { EmptyState } from '../components/empty-state.js';
import { ErrorBox } from '../components/error-box.js';
import { SpinnerLine } from '../components/spinner-line.js';
import { type Column, Table } from '../components/table.js';
import { TitleLine } from '../components/title-line.js';
import { TooSmall } from '../components/too-small.js';
import { useBodyNeed } from '../hooks/use-body-need.js';
import { useCursorKeys } from '../hooks/use-cursor-keys.js';
import { useCapture, useKeymap } from '../hooks/use-keymap.js';
import { useRequest } from '../hooks/use-request.js';
import { type InvoiceRow, invoiceFoot, toInvoiceRow } from '../model/invoice-rows.js';
import type { ViewProps } from './view-props.js';

const STATUS_COLORS: Record<string, string> = {
  PAID: 'green',
  PENDING: 'yellow',
  DRAFT: 'blue',
  VOID: 'red',
};

function invoiceColumns(width: number): Column<InvoiceRow>[] {
  const status = 8;
  const amount = 18;
  const period = 29;
  const id = Math.max(10, width - 2 - 3 - status - amount - period - 1);
  return [
    { title: 'INVOICE', width: id, cell: (row) => row.id },
    { title: 'PERIOD', width: period, cell: (row) => row.period },
    { title: 'AMOUNT', width: amount, align: 'right', cell: (row) => row.amount },
    {
      title: 'STATUS',
      width: status,
      cell: (row) => row.status,
      color: (row) => STATUS_COLORS[row.status],
    },
  ];
}

const rowKey = (row: InvoiceRow) => row.key;

type InvoicesViewProps = ViewProps & { readonly customerId: string };

/** A customer's invoices with exact totals per currency at the foot. */
export const InvoicesView = memo(function InvoicesView({
  customerId,
  active,
  height,
  width,
}: InvoicesViewProps) {
  const actions = useAppActions();
  const revision = useRevision();
  const request = useRequest(
    (signal) => actions.client.invoices.list({ customerId }, { signal }),
    [actions.client, customerId, revision],
  );
  const rows = useMemo(() => (request.data ?? []).map(toInvoiceRow), [request.data]);
  const foot = useMemo(() => invoiceFoot(request.data ?? []), [request.data]);
  const columns = useMemo(() => invoiceColumns(width), [width]);
  // The title, the total and the VOID sum when there is one; the table scrolls in the rest. It
  // needs its header and one row: with less, the foot would be cut or drawn over the rows.
  const footLines = foot.voided === undefined ? 1 : 2;
  const tableHeight = height - 1 - footLines;
  const missing = rows.length > 0 ? 2 - tableHeight : 0;
  useBodyNeed(active, rows.length > 0 ? 1 + footLines + 2 : MIN_BODY_LINES);
  const { cursor, bindings } = useCursorKeys(rows.length, tableHeight - 1);
  useCapture(active, false);
  useKeymap(
    [
      { keys: ['r'], label: 'refresh', footer: true, run: request.reload },
      { keys: ['esc'], label: 'back', footer: true, run: () => actions.pop() },
      ...bindings,
    ],
    active,
  );

  let body: ReactNode;
  if (request.status === 'error')
    body = (
      <ErrorBox
        error={request.error}
        hint="Press r to try again."
        maxLines={Math.max(1, height - 1)}
      />
    );
  else if (request.data === undefined) body = <SpinnerLine label="Loading invoices…" />;
  else if (rows.length === 0) body = <EmptyState title={`No invoices for ${customerId}.`} />;
  else if (missing > 0) body = <TooSmall missing={missing} />;
  else {
    body = (
      <>
        <Table rows={rows} columns={columns} cursor={cursor} height={tableHeight} rowKey={rowKey} />
        <Box height={1} flexShrink={0}>
          <Text wrap="truncate" bold>
            {foot.total}
          </Text>
        </Box>
        {foot.voided === undefined ? null : (
          <Box height={1} flexShrink={0}>
            <Text wrap="truncate" dimColor>
              {foot.voided}
            </Text>
          </Box>
        )}
      </>
    );
  }
  return (
    <Box flexDirection="column" height={height} overflowY="hidden">
      {/* With one line, the notice alone. */}
      {missing > 0 && height < 2 ? null : (
        <TitleLine refreshing={request.status === 'loading' && request.data !== undefined}>
          <Text bold>Invoices</Text> <Text dimColor>{safeText(customerId)}</Text>
          {request.data ? <Text dimColor> ({rows.length})</Text> : null}
        </TitleLine>
      )}
      {body}
    </Box>
  );
});
