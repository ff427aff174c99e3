import { Box, Text } from 'ink';
import { memo, type ReactNode, useMemo } from 'react';
import { displayWidth } from '../../model/display-width.js';
import { fitColumns } from '../../model/fit-columns.js';
import { safeText } from '../../model/safe-text.js';
import { MIN_BODY_LINES, useAppActions, useRevision } from '../app-context.js';
import { EmptyState } from '../components/empty-state.js';
import { ErrorBox } from '../components/error-box.js';
import { SpinnerLine } from '../components/spinner-line.js';
import { StaleNoticeLine } from '../components/stale-notice.js';
import { type Column, Table } from '../components/table.js';
import { TitleLine } from '../components/title-line.js';
import { TooSmall } from '../components/too-small.js';
import { useBodyNeed } from '../hooks/use-body-need.js';
import { useCursorKeys } from '../hooks/use-cursor-keys.js';
import { useCapture, useKeymap } from '../hooks/use-keymap.js';
import { staleOf, useRequest } from '../hooks/use-request.js';
import {
  type InvoiceRow,
  invoiceFoot,
  TOTAL_LABEL,
  toInvoiceRow,
  VOID_LABEL,
  wrapItems,
} from '../model/invoice-rows.js';
import type { ViewProps } from './view-props.js';

const STATUS_COLORS: Record<string, string> = {
  PAID: 'green',
  PENDING: 'yellow',
  DRAFT: 'blue',
  VOID: 'red',
};

/** The widest an invoice id may make its column: ids are read, not studied. */
const ID_MAX = 36;

/**
 * Columns sized to what they hold, within `width`. An amount is never cut and the status
 * stays; when the row is too wide the period gives way first (to its start date), then the
 * id. `short` is how many columns are still missing: then the view says it is too small.
 */
function invoiceColumns(rows: readonly InvoiceRow[], width: number) {
  const widest = (title: string, cell: (row: InvoiceRow) => string) =>
    Math.max(displayWidth(title), ...rows.map((row) => displayWidth(cell(row))));
  const natural = {
    id: widest('INVOICE', (row) => row.id),
    period: widest('PERIOD', (row) => row.period),
    amount: widest('AMOUNT', (row) => row.amount),
    status: widest('STATUS', (row) => row.status),
  };
  // The cursor mark (2) and the three gaps between the columns.
  const { widths, short } = fitColumns(
    [
      { natural: natural.id, min: Math.min(natural.id, 8), max: ID_MAX, shrink: 2 },
      { natural: natural.period, min: Math.min(natural.period, 12), shrink: 1 },
      { natural: natural.amount, min: natural.amount },
      { natural: natural.status, min: natural.status },
    ],
    width - 2 - 3,
  );
  const [id = 0, period = 0, amount = 0, status = 0] = widths;
  const columns: Column<InvoiceRow>[] = [
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
  return { columns, short };
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
  const { columns, short } = useMemo(() => invoiceColumns(rows, width), [rows, width]);
  // The totals wrap, one or more amounts a line, never cut; with no room even for one amount
  // a line, the view is too narrow.
  const footLines = useMemo(() => {
    const total = wrapItems(TOTAL_LABEL, foot.total, width);
    const voided = foot.voided === undefined ? [] : wrapItems(VOID_LABEL, foot.voided, width);
    return total === undefined || voided === undefined
      ? undefined
      : { total, voided, count: total.length + voided.length };
  }, [foot, width]);
  // The narrowest the totals go: each label on its own line, each amount on its own line.
  const footWidth = Math.max(
    displayWidth(TOTAL_LABEL),
    foot.voided === undefined ? 0 : displayWidth(VOID_LABEL),
    ...[...foot.total, ...(foot.voided ?? [])].map((item) => 2 + displayWidth(item)),
  );
  const missingColumns = rows.length > 0 ? Math.max(short, footWidth - width) : 0;
  // A failed refresh keeps the rows and totals; a line under the title says they are stale.
  const stale = staleOf(request);
  const notice = stale ? 1 : 0;
  // The title (and the notice) and the totals; the table scrolls in the rest. It needs its
  // header and one row: with less, the totals would be cut or drawn over the rows.
  const footCount = footLines?.count ?? 1;
  const tableHeight = height - 1 - notice - footCount;
  const missing = rows.length > 0 ? 2 - tableHeight : 0;
  useBodyNeed(active, notice + (rows.length > 0 ? 1 + footCount + 2 : MIN_BODY_LINES));
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
  if (request.status === 'error' && request.data === undefined)
    body = (
      <ErrorBox
        error={request.error}
        hint="Press r to try again."
        maxLines={Math.max(1, height - 1)}
      />
    );
  else if (request.data === undefined) body = <SpinnerLine label="Loading invoices…" />;
  else if (rows.length === 0) body = <EmptyState title={`No invoices for ${customerId}.`} />;
  else if (missingColumns > 0 || footLines === undefined)
    body = <TooSmall missing={Math.max(1, missingColumns)} unit="column" />;
  else if (missing > 0) body = <TooSmall missing={missing} />;
  else {
    body = (
      <>
        <Table rows={rows} columns={columns} cursor={cursor} height={tableHeight} rowKey={rowKey} />
        {footLines.total.map((line, index) => (
          <Box key={`t${index}:${line}`} height={1} flexShrink={0}>
            <Text bold wrap="truncate">
              {line}
            </Text>
          </Box>
        ))}
        {footLines.voided.map((line, index) => (
          <Box key={`v${index}:${line}`} height={1} flexShrink={0}>
            <Text dimColor wrap="truncate">
              {line}
            </Text>
          </Box>
        ))}
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
      {stale && missing <= 0 && missingColumns <= 0 ? <StaleNoticeLine stale={stale} /> : null}
      {body}
    </Box>
  );
});
