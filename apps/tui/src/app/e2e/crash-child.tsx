// Child process for crash.e2e.test.ts: runs the real runTui against an in-process emulator
// with a fake terminal that writes to stdout, then throws an error nothing catches.
import { Console } from 'node:console';
import { createAmberfloClient } from '@amberkit/core/client';
import { createEmulator } from '@amberkit/testing';
import { runTui } from '../run.js';
import { FakeStdin, fakeStdout } from '../test-support/fake-terminal.js';

(console as { Console?: typeof Console }).Console ??= Console;
const emulator = createEmulator({ accounts: ['crash-key'], seed: 1 });
const fetcher: typeof fetch = async (input, init) => emulator.fetch(new Request(input, init));
const client = createAmberfloClient({
  apiKey: 'crash-key',
  baseUrl: 'http://emulator.test',
  fetch: fetcher,
  retry: false,
});
let drawn = false;
const stdout = fakeStdout(100, 30, (chunk) => {
  process.stdout.write(chunk);
  if (!drawn && chunk.includes('of 33')) {
    drawn = true;
    setTimeout(() => {
      throw new Error('boom: a bug nobody caught');
    }, 20);
  }
});
void runTui({
  client,
  connection: {
    baseUrl: 'http://emulator.test',
    apiKey: 'crash-key',
    profile: null,
    readOnly: false,
  },
  stdout,
  stdin: new FakeStdin() as unknown as NodeJS.ReadStream,
  fetch: fetcher,
});
