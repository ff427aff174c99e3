import { Box, Text } from 'ink';
import { memo, type ReactElement } from 'react';
import { fit, fitRight } from '../../model/fit-text.js';
import { safeText } from '../../model/safe-text.js';
import { useWindow } from '../hooks/use-window.js';

export type Column<Row> = {
  readonly title: string;
  readonly width: number;
  readonly align?: 'left' | 'right';
  readonly cell: (row: Row) => string;
  /** A colour for the cell, such as an invoice status; goes through Ink so NO_COLOR drops it. */
  readonly color?: (row: Row) => string | undefined;
};

type TableProps<Row> = {
  readonly rows: readonly Row[];
  readonly columns: readonly Column<Row>[];
  readonly cursor: number;
  /** Lines available, header included. */
  readonly height: number;
  readonly rowKey: (row: Row) => string;
};

function cellText<Row>(column: Column<Row>, row: Row): string {
  // Cells hold server data: a control character is shown as an escape, never sent as itself.
  const value = safeText(column.cell(row));
  return column.align === 'right' ? fitRight(value, column.width) : fit(value, column.width);
}

type RowLineProps<Row> = {
  readonly row: Row;
  readonly columns: readonly Column<Row>[];
  readonly selected: boolean;
};

// Rows are memoised: a cursor move re-renders two rows, not the window.
const RowLine = memo(function RowLine<Row>({ row, columns, selected }: RowLineProps<Row>) {
  return (
    <Text wrap="truncate" color={selected ? 'cyan' : undefined} bold={selected}>
      {selected ? '> ' : '  '}
      {columns.map((column, index) => (
        <Text key={column.title} color={column.color?.(row)}>
          {index > 0 ? ' ' : ''}
          {cellText(column, row)}
        </Text>
      ))}
    </Text>
  );
}) as <Row>(props: RowLineProps<Row>) => ReactElement;

/** A windowed table: only the rows that fit are rendered, whatever the list's length. */
export function Table<Row>({ rows, columns, cursor, height, rowKey }: TableProps<Row>) {
  const visible = Math.max(1, height - 1);
  const offset = useWindow(cursor, rows.length, visible);
  const window = rows.slice(offset, offset + visible);
  return (
    <Box flexDirection="column" height={height} overflowY="hidden">
      <Text wrap="truncate" bold dimColor>
        {'  '}
        {columns
          .map((column) => (column.align === 'right' ? fitRight : fit)(column.title, column.width))
          .join(' ')}
      </Text>
      {window.map((row, index) => (
        <RowLine
          key={rowKey(row)}
          row={row}
          columns={columns}
          selected={offset + index === cursor}
        />
      ))}
    </Box>
  );
}
