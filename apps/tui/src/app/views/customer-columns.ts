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

/** Column widths for a terminal `width` wide; the sorted column's title carries ↑ or ↓. */
export function customerColumns(width: number, sort: Sort): Column<CustomerRow>[] {
  const stage = 10;
  const date = 12;
  const flexible = Math.max(30, width - 2 - 4 - stage - date - 1);
  const id = Math.floor(flexible * 0.3);
  const name = Math.floor(flexible * 0.3);
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
