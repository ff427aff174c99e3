import { readFileSync } from 'node:fs';
import { createAmberfloClient, NotFoundError, TimeoutError } from '@amberkit/core/client';
import { expect, test } from 'vitest';
import {
  buildCustomer,
  createEmulator,
  loadDataset,
  seedCustomers,
  seedInvoices,
} from './index.js';

// The README's and docs/emulator.md's examples, run as written, so the docs cannot rot.

test('README: an invoice list for a new customer', async () => {
  const emulator = createEmulator({ accounts: ['test-key'] });
  await using server = await emulator.listen();
  const client = createAmberfloClient({ apiKey: 'test-key', baseUrl: server.url });

  await client.customers.create({ customerId: 'c-1', customerName: 'New Co' });
  expect(await client.invoices.list({ customerId: 'c-1' })).toEqual([]);
  expect(await client.invoices.list({ customerId: 'customer-123456' })).toEqual([
    expect.objectContaining({ invoiceId: 'inv-500123', totalAmount: 99.5, status: 'PAID' }),
  ]);
});

test('docs: in-process creates and reads a customer', async () => {
  const emulator = createEmulator({ accounts: ['test-key'], dataset: 'empty' });
  const client = createAmberfloClient({
    apiKey: 'test-key',
    baseUrl: 'http://emulator.local',
    fetch: async (input, init) => emulator.fetch(input as Request, init),
  });

  await client.customers.create({ customerId: 'c-1', customerName: 'New Co' });
  expect(await client.customers.get('c-1')).toMatchObject({ customerName: 'New Co' });
  await client.customers.delete('c-1');
  await expect(client.customers.get('c-1')).rejects.toBeInstanceOf(NotFoundError);

  const res = await emulator.app.request('/customers', { headers: { 'X-API-KEY': 'test-key' } });
  const same = await emulator.fetch('/customers', { headers: { 'X-API-KEY': 'test-key' } });
  expect(await res.json()).toEqual(await same.json());
});

test('docs: as a server', async () => {
  const emulator = createEmulator({ accounts: ['test-key'] });
  await using server = await emulator.listen();
  const res = await fetch(`${server.url}/customers`, { headers: { 'X-API-KEY': 'test-key' } });
  expect(res.status).toBe(200);
  expect(((await res.json()) as unknown[]).length).toBe(33);
});

test('docs: faults in a test (a hang is a TimeoutError; fail once, then recover)', async () => {
  const emulator = createEmulator({
    accounts: ['k'],
    faults: [{ path: '/customers/', hang: true }],
  });
  await using server = await emulator.listen();
  const client = createAmberfloClient({ apiKey: 'k', baseUrl: server.url, timeoutMs: 200 });
  await expect(client.customers.get('customer-123456')).rejects.toBeInstanceOf(TimeoutError);

  emulator.setFaults([{ status: 503 }]);
  const retrying = createAmberfloClient({
    apiKey: 'k',
    baseUrl: server.url,
    hooks: { onRetry: () => emulator.setFaults([]) },
  });
  await retrying.customers.list();
  expect(emulator.requests().map((r) => r.status)).toEqual([0, 503, 200]);
});

test('docs: datasets and fixtures', () => {
  const customer = buildCustomer({ lifecycleStage: 'TRAIL' }, { seed: 7 });
  expect(buildCustomer({ lifecycleStage: 'TRAIL' }, { seed: 7 })).toEqual(customer);
  const many = seedCustomers(10_000, { seed: 1 });
  expect(many.length).toBe(10_000);
  const invoices = seedInvoices(many.slice(0, 10), { seed: 1, perCustomer: 3 });
  expect(invoices.length).toBe(30);
  const { customers } = loadDataset('demo');
  expect(customers.map((c) => c.customerId).slice(0, 2)).toEqual(['customer-123456', 'demo-00001']);
  expect(customers.at(-1)?.customerId).toBe('demo-00032');
});

/** Splits shell text into commands of words, with the quoting the docs use: '…', `\` + newline, #. */
function shellCommands(text: string): string[][] {
  const commands: string[][] = [];
  let words: string[] = [];
  let word: string | undefined;
  const endWord = () => {
    if (word !== undefined) words.push(word);
    word = undefined;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === "'") {
      const close = text.indexOf("'", i + 1);
      word = (word ?? '') + text.slice(i + 1, close);
      i = close;
    } else if (ch === '\\' && text[i + 1] === '\n') {
      endWord();
      i++;
    } else if (ch === '#' && word === undefined) {
      const eol = text.indexOf('\n', i);
      i = (eol === -1 ? text.length : eol) - 1;
    } else if (ch === '\n') {
      endWord();
      if (words.length > 0) commands.push(words);
      words = [];
    } else if (ch === ' ') endWord();
    else word = (word ?? '') + ch;
  }
  endWord();
  if (words.length > 0) commands.push(words);
  return commands;
}

const DOCS_ORIGIN = 'http://127.0.0.1:4010';

/** The request a `curl` command line sends (the flags the docs use), aimed at `origin`. */
function curlRequest(args: readonly string[], origin: string): Request {
  let method: string | undefined;
  let body: string | undefined;
  let url: string | undefined;
  const headers = new Headers();
  for (let i = 1; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '-s') continue;
    if (arg === '-X') method = args[++i];
    else if (arg === '-d') body = args[++i];
    else if (arg === '-H') {
      const header = args[++i] ?? '';
      const colon = header.indexOf(':');
      headers.set(header.slice(0, colon).trim(), header.slice(colon + 1).trim());
    } else if (arg.startsWith(DOCS_ORIGIN)) url = `${origin}${arg.slice(DOCS_ORIGIN.length)}`;
    else throw new Error(`a curl argument this test does not know: ${arg}`);
  }
  if (url === undefined) throw new Error(`no ${DOCS_ORIGIN} URL in: ${args.join(' ')}`);
  // curl's own defaults for -d: POST, form-encoded unless a content type is given.
  if (body !== undefined && !headers.has('content-type'))
    headers.set('content-type', 'application/x-www-form-urlencoded');
  return new Request(url, {
    method: method ?? (body === undefined ? 'GET' : 'POST'),
    headers,
    ...(body === undefined ? {} : { body }),
  });
}

test('docs: every curl block answers 200 to each command, run as written on a fresh CLI emulator', async () => {
  const doc = readFileSync(new URL('../../../docs/emulator.md', import.meta.url), 'utf8');
  const blocks = [...doc.matchAll(/```sh\n([\s\S]*?)```/g)]
    .map((match) => shellCommands(match[1] ?? '').filter((words) => words[0] === 'curl'))
    .filter((commands) => commands.length > 0);
  expect(blocks.flat().length).toBeGreaterThanOrEqual(8);
  for (const commands of blocks) {
    // What `amberkit-emulator --port 4010` starts with: emulator-key, dataset demo, seed 1.
    await using server = await createEmulator().listen();
    for (const args of commands) {
      const res = await fetch(curlRequest(args, server.url));
      expect(res.status, `${args.join(' ')}\n${await res.clone().text()}`).toBe(200);
    }
  }
});
