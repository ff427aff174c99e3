/** How one column of a table may be sized. */
export type ColumnFit = {
  /** The widest cell, title included, in terminal cells. */
  readonly natural: number;
  /** Never narrower than this; a column whose `min` is its `natural` is never cut. */
  readonly min: number;
  /** Never wider than this (a cap, such as the invoice id's). */
  readonly max?: number;
  /** Lower gives way first when the table is too wide; absent, the column is never cut. */
  readonly shrink?: number;
};

/**
 * Widths for columns laid side by side in `available` cells (gaps already taken out): each
 * starts at its natural width (capped), then the shrinkable columns give way in their order,
 * each down to its minimum. `short` is how many cells are still missing (0 when it fits); with
 * `available` undefined (a pipe) nothing shrinks.
 * @example fitColumns([{ natural: 30, min: 8, shrink: 1 }, { natural: 10, min: 10 }], 30)
 * // { widths: [20, 10], short: 0 }
 */
export function fitColumns(
  columns: readonly ColumnFit[],
  available: number | undefined,
): { widths: number[]; short: number } {
  const widths = columns.map((c) => Math.min(c.natural, c.max ?? Number.POSITIVE_INFINITY));
  if (available === undefined) return { widths, short: 0 };
  let over = widths.reduce((sum, w) => sum + w, 0) - available;
  const order = columns
    .map((column, index) => ({ index, shrink: column.shrink }))
    .filter((entry): entry is { index: number; shrink: number } => entry.shrink !== undefined)
    .sort((a, b) => a.shrink - b.shrink);
  for (const { index } of order) {
    if (over <= 0) break;
    const column = columns[index]!;
    const cut = Math.min(over, Math.max(0, widths[index]! - column.min));
    widths[index]! -= cut;
    over -= cut;
  }
  return { widths, short: Math.max(0, over) };
}
