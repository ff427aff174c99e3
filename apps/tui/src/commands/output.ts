import type { Writable } from 'node:stream';
import { displayWidth, padEndColumns } from '../model/display-width.js';
import { safeJson, safeText } from '../model/safe-text.js';
import { writeLine } from './io.js';

/** Prints `value` as one JSON document (`--json`), or the human rendering otherwise. */
export function emit(
  stdout: Writable,
  json: boolean,
  value: unknown,
  human: () => string | string[],
): void {
  if (json) {
    stdout.write(`${safeJson(value)}\n`);
    return;
  }
  // Every human line carries server data (names, ids, messages): nothing in it may act on the
  // terminal. Tables and details escape their cells before measuring; this catches the rest.
  const text = human();
  for (const line of Array.isArray(text) ? text : [text]) writeLine(stdout, safeText(line));
}

/** A compact table: a header row, then one row per item, columns padded to display width. */
export function table(headers: readonly string[], raw: readonly (readonly string[])[]): string[] {
  const rows = raw.map((row) => row.map(safeText));
  const widths = headers.map((header, i) =>
    Math.max(displayWidth(header), ...rows.map((row) => displayWidth(row[i] ?? ''))),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (i === cells.length - 1 ? cell : padEndColumns(cell, widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(headers), ...rows.map(line)];
}

/** Aligned `label  value` lines; rows whose value is undefined are left out. */
export function details(pairs: readonly (readonly [string, string | undefined])[]): string[] {
  const shown = pairs
    .filter((pair): pair is readonly [string, string] => pair[1] !== undefined)
    .map(([label, value]) => [safeText(label), safeText(value)] as const);
  const width = Math.max(0, ...shown.map(([label]) => displayWidth(label)));
  return shown.map(([label, value]) => `${padEndColumns(label, width)}  ${value}`);
}
