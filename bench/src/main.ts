import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BenchConfigError, readConfig } from './config.js';
import { machine, renderTable } from './lib/table.js';
import type { BenchContext, BenchRow, BenchSection } from './types.js';

/*
 * `pnpm bench`: every `src/sections/*.ts`, one at a time (so figures do not disturb each
 * other), then one table on stdout and a JSON copy in `.tmp/bench-latest.json`.
 * BENCH_ONLY=core,proxy runs a subset; BENCH_QUICK=1 makes every section run short.
 */

const sectionsDir = new URL('./sections/', import.meta.url);
const resultsFile = new URL('../../.tmp/bench-latest.json', import.meta.url);

async function discover(): Promise<string[]> {
  const files = await readdir(sectionsDir);
  return files
    .filter((file) => file.endsWith('.ts') && !/\.(test|d)\.ts$/.test(file))
    .map((file) => basename(file, '.ts'))
    .sort();
}

function isSection(module: unknown): module is BenchSection {
  return typeof (module as Partial<BenchSection> | undefined)?.run === 'function';
}

async function main(): Promise<number> {
  const config = readConfig();
  const available = await discover();
  const unknown = (config.only ?? []).filter((name) => !available.includes(name));
  if (unknown.length > 0) {
    throw new BenchConfigError(
      `BENCH_ONLY names unknown sections: ${unknown.join(', ')} (have: ${available.join(', ')})`,
    );
  }
  const chosen = config.only ? available.filter((name) => config.only?.includes(name)) : available;
  const rows: BenchRow[] = [];
  const failures: string[] = [];
  for (const name of chosen) {
    const log = (line: string) => process.stderr.write(`[${name}] ${line}\n`);
    const ctx: BenchContext = { quick: config.quick, log };
    // --expose-gc (the bench script sets it): start each section without the last one's garbage.
    (globalThis as { gc?: () => void }).gc?.();
    const started = performance.now();
    try {
      const module: unknown = await import(
        pathToFileURL(fileURLToPath(new URL(`${name}.ts`, sectionsDir))).href
      );
      if (!isSection(module)) throw new Error('exports no run(ctx) function');
      rows.push(...(await module.run(ctx)));
      log(`done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      failures.push(`${name}: ${message}`);
      log(`FAILED: ${message}`);
    }
  }
  const host = machine();
  process.stdout.write(`\n${renderTable(rows, host)}\n`);
  const missed = rows.filter((row) => row.ok === false).length;
  const judged = rows.filter((row) => row.ok !== undefined).length;
  process.stdout.write(
    `${judged - missed}/${judged} targets met${config.quick ? ' (BENCH_QUICK: rough figures)' : ''}\n`,
  );
  for (const failure of failures) process.stdout.write(`section failed: ${failure}\n`);
  await mkdir(new URL('.', resultsFile), { recursive: true });
  const record = {
    date: new Date().toISOString(),
    quick: config.quick,
    machine: host,
    rows,
    failures,
  };
  await writeFile(resultsFile, `${JSON.stringify(record, null, 2)}\n`);
  process.stdout.write(`results: ${fileURLToPath(resultsFile)}\n`);
  return failures.length > 0 ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`bench: ${message}\n`);
    process.exitCode = error instanceof BenchConfigError ? 2 : 1;
  },
);
