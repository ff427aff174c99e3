import { customerTimes } from '@amberkit/core/time';
import type { Column } from '../components/table.js';
import type { CustomerRow, Sort, SortColumn } from '../model/customer-rows.js';
import { showDate } from '../model/dates.js';

function created(row: CustomerRow): string {
  try {
    return showDate(customerTimes({ createTime: row.createTime }).created);
  } catch {
    return '?';
  }
}

const TITLES: Record<SortColumn, string> = {
  id: 'ID',
  name: 'NAME',
  email: 'EMAIL',
  stage: 'STAGE',
  created: 'CREATED',
};

/**
 * Column widths for a terminal `width` wide; the sorted column's title carries ↑ or ↓. The id
 * is what a person reads back and types elsewhere, so its column fits the longest id
 * (`longestId`) up to half the free room; name and email share the rest.
 */
export function customerColumns(width: number, sort: Sort, longestId = 20): Column<CustomerRow>[] {
  const stage = 10;
  const date = 12;
  const flexible = Math.max(30, width - 2 - 4 - stage - date - 1);
  const id = Math.max(6, Math.min(longestId, Math.floor(flexible / 2)));
  const name = Math.floor((flexible - id) * 0.45);
  const email = flexible - id - name;
  const title = (column: SortColumn) =>
    `${TITLES[column]}${sort.column === column ? (sort.descending ? ' ↓' : ' ↑') : ''}`;
  return [
    { title: title('id'), width: id, cell: (row) => row.id },
    { title: title('name'), width: name, cell: (row) => row.name },
    { title: title('email'), width: email, cell: (row) => row.email },
    { title: title('stage'), width: stage, cell: (row) => row.stage },
    { title: title('created'), width: date, cell: created },
  ];
}
