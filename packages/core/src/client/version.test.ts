import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { createAmberfloClient } from './create-client.js';
import { startTestServer } from './test-server.js';
import { USER_AGENT, VERSION } from './version.js';

test('VERSION equals package.json (update src/client/version.ts when the version changes)', () => {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
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
