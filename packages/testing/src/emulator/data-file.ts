import { createHash } from 'node:crypto';
import { mkdir, open, readFile, rename } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import {
  Customer,
  describeIssues,
  Invoice,
  PrepaidOrder,
  PricingPlanAssignment,
  toErrorIssues,
} from '@amberkit/core/schemas';
import * as z from 'zod/mini';
import type { AccountData } from './account.js';
import { DataFileError } from './errors.js';

const AccountDataSchema = z.object({
  customers: z.array(Customer),
  invoices: z.array(Invoice),
  prepaidOrders: z.array(PrepaidOrder),
  planAssignments: z.array(PricingPlanAssignment),
});
const DataFileSchema = z.object({
  format: z.literal('amberkit-emulator'),
  version: z.literal(1),
  accounts: z.record(z.string(), AccountDataSchema),
});

/** Accounts are stored under a short hash of their key, so the file holds no secrets. */
const accountId = (apiKey: string) =>
  `sha256:${createHash('sha256').update(apiKey).digest('hex').slice(0, 16)}`;

const SAVE_DELAY_MS = 25;
// Two emulators in one process may share a file name; their temp files must not collide.
let tempCounter = 0;
// ...and their saves must not interleave: each save reads the file, puts its own accounts in
// and writes it back, one save a file at a time in this process.
const saving = new Map<string, Promise<void>>();

function oneAtATime(file: string, save: () => Promise<void>): Promise<void> {
  const key = resolve(file);
  const done = (saving.get(key) ?? Promise.resolve()).then(save, save);
  const settled = done.catch(() => undefined);
  saving.set(key, settled);
  void settled.then(() => {
    if (saving.get(key) === settled) saving.delete(key);
  });
  return done;
}

async function readExisting(file: string): Promise<Record<string, AccountData>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new DataFileError(file, `cannot be read: ${(error as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new DataFileError(
      file,
      `is corrupt (not JSON: ${(error as Error).message}); fix or delete it`,
    );
  }
  const parsed = DataFileSchema.safeParse(json);
  if (!parsed.success) {
    const detail = describeIssues(toErrorIssues(parsed.error));
    throw new DataFileError(file, `is corrupt (not emulator data: ${detail}); fix or delete it`);
  }
  // The checked input, not zod's output: zod rebuilds objects in schema key order, and a
  // restart must answer byte for byte what was answered before.
  return (json as z.output<typeof DataFileSchema>).accounts as Record<string, AccountData>;
}

/**
 * Opens (or will create) a data file. Saves are debounced and atomic: write a temp file,
 * fsync, rename over the old one, so a crash leaves either the old or the new data.
 */
export async function openDataFile(
  file: string,
  apiKeys: readonly string[],
  snapshot: () => AccountData[],
) {
  const ids = apiKeys.map(accountId);
  const stored = await readExisting(file);
  const initial = ids.map((id) => stored[id]);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let dirty = false;
  let writing: Promise<void> = Promise.resolve();

  const save = async () => {
    dirty = false;
    // The file as it is now, not as it was at start: another emulator sharing it (other keys,
    // other accounts) may have saved since. If it cannot be read now, what was read at start.
    const current = await readExisting(file).catch(() => stored);
    const accounts: Record<string, AccountData> = { ...current };
    snapshot().forEach((data, i) => {
      accounts[ids[i] as string] = data;
    });
    const text = `${JSON.stringify({ format: 'amberkit-emulator', version: 1, accounts })}\n`;
    await mkdir(dirname(file), { recursive: true });
    const temp = `${file}.${process.pid}.${++tempCounter}.tmp`;
    const handle = await open(temp, 'w');
    try {
      await handle.writeFile(text);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  };
  const write = () => oneAtATime(file, save);
  const flush = async () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (dirty) writing = writing.then(write, write);
    await writing;
  };
  return {
    initial,
    schedule: () => {
      dirty = true;
      timer ??= setTimeout(() => {
        timer = undefined;
        writing = writing.then(write, write);
        // A failed background save is reported on the next flush (close).
        writing.catch(() => undefined);
      }, SAVE_DELAY_MS);
    },
    flush,
  };
}
