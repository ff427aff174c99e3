import { useMemo } from 'react';
import { EmptyState } from '../components/empty-state.js';
import { ErrorBox } from '../components/error-box.js';
import { SpinnerLine } from '../components/spinner-line.js';
import { Table } from '../components/table.js';
import type { RequestState } from '../hooks/use-request.js';
import type { CustomerRow, Sort } from '../model/customer-rows.js';
import { customerColumns } from './customer-columns.js';

const rowKey = (row: CustomerRow) => row.id;

type BodyProps = {
  readonly request: RequestState<readonly unknown[]>;
  readonly rows: readonly CustomerRow[];
  readonly cursor: number;
  readonly height: number;
  readonly width: number;
  readonly sort: Sort;
  readonly filter: string;
  /** Length of the longest id of the whole list, so the id column does not jump with a filter. */
  readonly longestId: number;
};

/** The table, or what stands in for it: spinner, error, or an empty state that says why. */
export function CustomersBody(props: BodyProps) {
  const { request, rows, cursor, height, width, sort, filter, longestId } = props;
  const columns = useMemo(() => customerColumns(width, sort, longestId), [width, sort, longestId]);
  // The first load failed: the error stands in for the rows. A failed refresh keeps them (the
  // view shows a stale notice above).
  if (request.status === 'error' && request.data === undefined) {
    return <ErrorBox error={request.error} hint="Press r to try again." maxLines={height} />;
  }
  if (request.data === undefined) return <SpinnerLine label="Loading customers…" />;
  if (request.data.length === 0)
    return <EmptyState title="No customers yet." hint="Press n to create one." />;
  if (rows.length === 0) {
    return (
      <EmptyState
        title={`No customer matches “${filter}”.`}
        hint="Press Esc to clear the filter."
      />
    );
  }
  return <Table rows={rows} columns={columns} cursor={cursor} height={height} rowKey={rowKey} />;
}
