import { Box, Text } from 'ink';
import { memo, useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { displayWidth } from '../../model/display-width.js';
import { safeText } from '../../model/safe-text.js';
import { MIN_BODY_LINES, useAppActions, useRevision } from '../app-context.js';
import { StaleNoticeLine } from '../components/stale-notice.js';
import { TextInput } from '../components/text-input.js';
import { TitleLine } from '../components/title-line.js';
import { TooSmall } from '../components/too-small.js';
import { useBodyNeed } from '../hooks/use-body-need.js';
import { useCursorKeys } from '../hooks/use-cursor-keys.js';
import { type Binding, useCapture, useKeymap } from '../hooks/use-keymap.js';
import { staleOf, useRequest } from '../hooks/use-request.js';
import {
  filterRows,
  nextSortColumn,
  reverseSort,
  type Sort,
  sortRows,
  toCustomerRows,
} from '../model/customer-rows.js';
import { copiedMessage, osc52 } from '../model/osc52.js';
import { CustomersBody } from './customers-body.js';
import type { ViewProps } from './view-props.js';

/** The customers table: filter with `/`, sort with `s`/`S`, Enter opens the selected one. */
export const CustomersView = memo(function CustomersView({ active, height, width }: ViewProps) {
  const actions = useAppActions();
  const revision = useRevision();
  const request = useRequest(
    (signal) => actions.client.customers.list({ signal }),
    [actions.client, revision],
  );
  const [sort, setSort] = useState<Sort>({ column: 'id', descending: false });
  const [filter, setFilter] = useState('');
  const [editing, setEditing] = useState(false);

  const rows = useMemo(() => (request.data ? toCustomerRows(request.data) : []), [request.data]);
  const sorted = useMemo(() => sortRows(rows, sort), [rows, sort]);
  const longestId = useMemo(
    () => rows.reduce((most, row) => Math.max(most, displayWidth(safeText(row.id))), 0),
    [rows],
  );
  const shown = useMemo(() => filterRows(sorted, filter), [sorted, filter]);
  // A failed refresh keeps the rows; a line under the title says they are stale.
  const stale = staleOf(request);
  const notice = stale ? 1 : 0;
  // Under the title line (and the notice); the table needs its header and one row, else the
  // view says it is too small rather than draw rows over each other.
  const tableHeight = height - 1 - notice;
  const missing = shown.length > 0 ? 2 - tableHeight : 0;
  useBodyNeed(active, notice + (shown.length > 0 ? 1 + 2 : MIN_BODY_LINES));
  const {
    cursor,
    setCursor,
    bindings: cursorBindings,
  } = useCursorKeys(shown.length, tableHeight - 1);
  const selected = shown[cursor];
  // The cursor is a position; a person selected a customer. When the rows are reordered or
  // refiltered (sort, Esc clearing the filter, refresh), put the cursor back on that customer.
  // Only typing a filter moves it to the best match on top (onFilter). A layout effect runs
  // before the next key of a burst, so Enter right after Esc opens the right customer.
  const last = useRef<{ readonly id: string | undefined; readonly filter: string }>({
    id: undefined,
    filter,
  });
  useLayoutEffect(() => {
    const previous = last.current;
    if (previous.id === undefined || (previous.filter !== filter && filter !== '')) return;
    const index = shown.findIndex((row) => row.id === previous.id);
    if (index >= 0) setCursor(index);
  }, [shown, filter, setCursor]);
  useLayoutEffect(() => {
    last.current = { id: selected?.id, filter };
  });
  const onFilter = useCallback(
    (value: string) => {
      setFilter(value);
      setCursor(0);
    },
    [setCursor],
  );
  useCapture(active, editing);

  const listBindings: Binding[] = [
    {
      keys: ['enter'],
      label: 'open',
      footer: true,
      run: () => selected && actions.push({ kind: 'customer', id: selected.id }),
    },
    { keys: ['/'], label: 'filter', footer: true, run: () => setEditing(true) },
    { keys: ['s'], label: 'sort by next column', footer: true, run: () => setSort(nextSortColumn) },
    { keys: ['S'], label: 'reverse sort', run: () => setSort(reverseSort) },
    { keys: ['r'], label: 'refresh', footer: true, run: request.reload },
    {
      keys: ['n'],
      label: 'new customer',
      footer: true,
      write: true,
      run: () => actions.push({ kind: 'customer-form' }),
    },
    { keys: ['y'], label: 'copy id', run: () => selected && copy(selected.id) },
    ...cursorBindings,
  ];
  if (request.status === 'loading')
    listBindings.push({
      keys: ['esc'],
      label: 'cancel loading',
      footer: true,
      run: request.cancel,
    });
  else if (filter !== '')
    listBindings.push({
      keys: ['esc'],
      label: 'clear filter',
      footer: true,
      run: () => setFilter(''),
    });
  const filterBindings: Binding[] = [
    { keys: ['enter'], label: 'apply filter', footer: true, run: () => setEditing(false) },
    {
      keys: ['esc'],
      label: 'clear filter',
      footer: true,
      run: () => {
        setFilter('');
        setEditing(false);
      },
    },
  ];
  useKeymap(editing ? filterBindings : listBindings, active);

  function copy(id: string) {
    actions.writeRaw(osc52(id));
    actions.flash(copiedMessage(id), 'info');
  }

  // After a failed refresh the rows stay (marked stale), and so does their count.
  const count = request.data
    ? `${shown.length.toLocaleString('en-US')} of ${rows.length.toLocaleString('en-US')}`
    : '';
  return (
    <Box flexDirection="column" height={height} overflowY="hidden">
      <Box height={1} flexShrink={0} display={missing > 0 && height < 2 ? 'none' : 'flex'}>
        {editing ? (
          <Box>
            <Text color="cyan">/ </Text>
            <TextInput defaultValue={filter} placeholder="id, name or email" onChange={onFilter} />
            <Text dimColor>{`  ${count}`}</Text>
          </Box>
        ) : (
          <TitleLine refreshing={request.status === 'loading' && request.data !== undefined}>
            <Text bold>Customers</Text> <Text dimColor>{count}</Text>
            {filter !== '' ? (
              <Text color="yellow"> filter “{safeText(filter)}” (Esc clears)</Text>
            ) : null}
          </TitleLine>
        )}
      </Box>
      {stale && missing <= 0 ? <StaleNoticeLine stale={stale} /> : null}
      {missing > 0 ? (
        <TooSmall missing={missing} />
      ) : (
        <CustomersBody
          request={request}
          rows={shown}
          cursor={cursor}
          height={Math.max(0, tableHeight)}
          width={width}
          sort={sort}
          filter={filter}
          longestId={longestId}
        />
      )}
    </Box>
  );
});
