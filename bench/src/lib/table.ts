import { cpus, freemem, totalmem } from 'node:os';
import type { BenchRow } from '../types.js';

export type Machine = {
  cpu: string;
  cores: number;
  memoryGb: number;
  freeMemoryGb: number;
  node: string;
  platform: string;
};

export function machine(): Machine {
  const list = cpus();
  const gb = (bytes: number) => Math.round((bytes / 1024 ** 3) * 10) / 10;
  return {
    cpu: list[0]?.model.trim() ?? 'unknown',
    cores: list.length,
    memoryGb: gb(totalmem()),
    freeMemoryGb: gb(freemem()),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
  };
}

/** Three significant figures, no exponent: 0.0123, 1.23, 12.3, 1234. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  if (abs >= 100) return Math.round(value).toLocaleString('en-US');
  if (abs === 0) return '0';
  return value.toPrecision(3).replace(/\.?0+$/, '');
}

const COLUMNS = [
  'section',
  'figure',
  'value',
  'unit',
  'baseline',
  'ratio',
  'target',
  'ok',
] as const;

function cells(row: BenchRow): string[] {
  return [
    row.section,
    row.name,
    formatNumber(row.value),
    row.unit,
    row.baseline ? `${row.baseline.name} = ${formatNumber(row.baseline.value)}` : '',
    row.ratio === undefined ? '' : `${row.ratio.toFixed(2)}x`,
    row.target ?? '',
    row.ok === undefined ? '' : row.ok ? 'yes' : 'NO',
  ];
}

/** One plain-text table with the machine underneath. */
export function renderTable(rows: readonly BenchRow[], host: Machine): string {
  const body = rows.map(cells);
  const widths = COLUMNS.map((title, i) =>
    Math.max(title.length, ...body.map((r) => r[i]!.length)),
  );
  const line = (values: readonly string[]) =>
    values
      .map((v, i) => (i === 2 || i === 5 ? v.padStart(widths[i]!) : v.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [
    line(COLUMNS),
    line(widths.map((w) => '-'.repeat(w))),
    ...body.map(line),
    '',
    `machine: ${host.cpu}, ${host.cores} cores, ${host.memoryGb} GB RAM (${host.freeMemoryGb} GB free), Node ${host.node}, ${host.platform}`,
  ].join('\n');
}
