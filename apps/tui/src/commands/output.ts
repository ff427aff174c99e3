import type { Writable } from 'node:stream';
import { displayWidth, padEndColumns } from '../model/display-width.js';
import { type ColumnFit, fitColumns } from '../model/fit-columns.js';
import { fit } from '../model/fit-text.js';
import { safeJson, safeText } from '../model/safe-text.js';
import { writeLine } from './io.js';

/** Prints `value` as one JSON document (`--json`), or the human rendering otherwise. */
export function emit(
  stdout: Writable & { isTTY?: boolean; columns?: number },
  json: boolean,
  value: unknown,
  human: (width: number | undefined) => string | string[],
): void {
  if (json) {
    stdout.write(`${safeJson(value)}\n`);
    return;
  }
  // Every human line carries server data (names, ids, messages): nothing in it may act on the
  // terminal. Tables and details escape their cells before measuring; this catches the rest.
  // On a terminal, tables fit its width; in a pipe there is none (see `table`).
  const text = human(stdout.isTTY === true ? stdout.columns : undefined);
  for (const line of Array.isArray(text) ? text : [text]) writeLine(stdout, safeText(line));
}

/** A column of a command's table. */
export type TableColumn = {
  readonly title: string;
  /** Lower gives way first when the table is wider than the terminal; absent, never cut. */
  readonly shrink?: number;
  /** The narrowest a shrinking column goes (default 8 cells). */
  readonly min?: number;
  /** In a pipe (no terminal width to fit), the widest the column may be. */
  readonly pipeMax?: number;
};

/**
 * A compact table: a header row, then one row per item, columns padded to display width.
 * On a terminal (`width`), the shrinkable columns give way in their order until the lines fit;
 * in a pipe, columns with a `pipeMax` are held to it. A cut cell ends in `…`, whole characters
 * only. Cells are server data: shown through {@link safeText}, measured as shown.
 */
export function table(
  columns: readonly (string | TableColumn)[],
  raw: readonly (readonly string[])[],
  width?: number,
): string[] {
  const specs = columns.map((column) => (typeof column === 'string' ? { title: column } : column));
  const rows = raw.map((row) => row.map(safeText));
  const fits = specs.map((spec, i): ColumnFit => {
    const natural = Math.max(
      displayWidth(spec.title),
      ...rows.map((row) => displayWidth(row[i] ?? '')),
    );
    const max = width === undefined ? spec.pipeMax : undefined;
    return {
      natural,
      min: spec.shrink === undefined ? natural : Math.min(natural, spec.min ?? 8),
      ...(max === undefined ? {} : { max }),
      ...(spec.shrink === undefined ? {} : { shrink: spec.shrink }),
    };
  });
  const gaps = 2 * (specs.length - 1);
  const { widths } = fitColumns(fits, width === undefined ? undefined : width - gaps);
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => {
        const w = widths[i] ?? 0;
        return displayWidth(cell) > w ? fit(cell, w) : padEndColumns(cell, w);
      })
      .join('  ')
      .trimEnd();
  return [line(specs.map((spec) => spec.title)), ...rows.map(line)];
}

/** Aligned `label  value` lines; rows whose value is undefined are left out. */
export function details(pairs: readonly (readonly [string, string | undefined])[]): string[] {
  const shown = pairs
    .filter((pair): pair is readonly [string, string] => pair[1] !== undefined)
    .map(([label, value]) => [safeText(label), safeText(value)] as const);
  const width = Math.max(0, ...shown.map(([label]) => displayWidth(label)));
  return shown.map(([label, value]) => `${padEndColumns(label, width)}  ${value}`);
}
