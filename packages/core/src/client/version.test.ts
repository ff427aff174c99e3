import { readFile } from 'node:fs/promises';
import { expect, test } from 'vitest';
import { createAmberfloClient } from './create-client.js';
import { startTestServer } from './test-server.js';
import { USER_AGENT, VERSION } from './version.js';

const readPkg = async () =>
  JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8'));

test('VERSION (from source) equals package.json', async () => {
  const pkg = await readPkg();
  expect(pkg.name).toBe('@amberkit/core');
  expect(VERSION).toBe(pkg.version);
  expect(USER_AGENT).toBe(`@amberkit/core/${pkg.version}`);
});

test('every request carries the User-Agent', async () => {
  await using server = await startTestServer([{ body: [] }]);
  const client = createAmberfloClient({ apiKey: 'k', baseUrl: server.url });
  await client.customers.list();
  await client.invoices.list({ customerId: 'c' });
  expect(server.requests.map((r) => r.headers['user-agent'])).toEqual([USER_AGENT, USER_AGENT]);
});
