// Child process for crash.e2e.test.ts: runs the real runTui against an in-process emulator
// with a fake terminal that writes to stdout, then throws an error nothing catches.
import { Console } from 'node:console';
import { runTui } from '../run.js';
import { FakeStdin, fakeStdout } from '../test-support/fake-terminal.js';
import { API_KEY, BASE_URL, inProcessClient } from '../test-support/harness.js';

(console as { Console?: typeof Console }).Console ??= Console;
const { fetcher, client } = inProcessClient();
let drawn = false;
const stdout = fakeStdout(100, 30, (chunk) => {
  process.stdout.write(chunk);
  if (!drawn && chunk.includes('of 33')) {
    drawn = true;
    setTimeout(() => {
      // With the API key and a proxy caller key in it: stderr must show neither.
      throw new Error(`boom: a bug nobody caught (${API_KEY}, ak_0123456789abcdef)`);
    }, 20);
  }
});
void runTui({
  client,
  connection: { baseUrl: BASE_URL, apiKey: API_KEY, profile: null, readOnly: false },
  stdout,
  stdin: new FakeStdin() as unknown as NodeJS.ReadStream,
  fetch: fetcher,
});
