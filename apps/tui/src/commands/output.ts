import type { Writable } from 'node:stream';
import { displayWidth, padEndColumns } from '../model/display-width.js';
import { writeLine } from './io.js';

/** Prints `value` as one JSON document (`--json`), or the human rendering otherwise. */
export function emit(
  stdout: Writable,
  json: boolean,
  value: unknown,
  human: () => string | string[],
): void {
  if (json) {
    stdout.write(`${JSON.stringify(value, null, 2)}\n`);
    return;
  }
  const text = human();
  for (const line of Array.isArray(text) ? text : [text]) writeLine(stdout, line);
}

/** A compact table: a header row, then one row per item, columns padded to display width. */
export function table(headers: readonly string[], rows: readonly (readonly string[])[]): string[] {
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
  const shown = pairs.filter((pair): pair is readonly [string, string] => pair[1] !== undefined);
  const width = Math.max(0, ...shown.map(([label]) => displayWidth(label)));
  return shown.map(([label, value]) => `${padEndColumns(label, width)}  ${value}`);
}
