import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildCustomer } from '@amberkit/testing';
import { describe, expect, test } from 'vitest';
import { API_KEY, sharedEmulatorEnv } from './test-support/emulator-env.js';
import { CLI_PATH } from './test-support/run-cli.js';
import { tmuxSession } from './test-support/tmux.js';

const shared = sharedEmulatorEnv();

const amberkit = (args: string) => `${process.execPath} ${CLI_PATH} ${args}`;
const exists = (id: string) =>
  shared()
    .emulator.snapshot()
    .customers.some((c) => c.customerId === id);

/** The environment of a signed-in user of the shared emulator. */
const signedIn = () => ({
  AMBERKIT_BASE_URL: shared().server.url,
  AMBERKIT_API_KEY: API_KEY,
  XDG_CONFIG_HOME: shared().configHome,
  PATH: process.env.PATH ?? '',
});

describe('prompts in a real terminal (tmux)', () => {
  test('login asks for missing values; the key is not echoed and is saved', async () => {
    const env = { XDG_CONFIG_HOME: shared().configHome, PATH: process.env.PATH ?? '' };
    await using term = await tmuxSession(amberkit('login --profile typed'), env);
    await term.waitFor(/Base URL .*: $/m);
    await term.type(shared().server.url);
    await term.waitFor(/API key \(not shown\): $/m);
    await term.type('typed-secret-key-42');
    const screen = await term.waitFor(/\[exit \d+\]/);
    expect(screen).toContain("Saved profile 'typed'");
    expect(screen).toContain('[exit 0]');
    expect(screen).not.toContain('typed-secret-key-42');
    const config = JSON.parse(
      await readFile(join(shared().configHome, 'amberkit', 'config.json'), 'utf8'),
    );
    expect(config.profiles.typed).toEqual({
      baseUrl: shared().server.url,
      apiKey: 'typed-secret-key-42',
    });
  });

  test('delete on a terminal asks for the id: a wrong one deletes nothing, the right one deletes', async () => {
    const env = signedIn();
    {
      await using term = await tmuxSession(amberkit('customers delete customer-123456'), env);
      await term.waitFor(/Type the customer id to delete it \(customer-123456\): $/m);
      await term.type('customer-12345');
      const screen = await term.waitFor(/\[exit \d+\]/);
      expect(screen).toContain('did not match; nothing was deleted');
      expect(screen).toContain('[exit 2]');
      expect(exists('customer-123456')).toBe(true);
    }
    await using term = await tmuxSession(amberkit('customers delete customer-123456'), env);
    await term.waitFor(/Type the customer id/);
    await term.type('customer-123456');
    const screen = await term.waitFor(/\[exit \d+\]/);
    expect(screen).toContain('Deleted customer customer-123456.');
    expect(screen).toContain('[exit 0]');
    expect(exists('customer-123456')).toBe(false);
  });

  test('customers list on a terminal fits its width: a 100,000-character name is cut with …', async () => {
    shared().emulator.load(API_KEY, {
      customers: [
        buildCustomer({
          customerId: 'zz-long',
          customerName: `Long ${'x'.repeat(100_000)}`,
          customerEmail: 'long@example.com',
        }),
      ],
    });
    const env = signedIn();
    await using term = await tmuxSession(amberkit('customers list'), env);
    // -J joins wrapped lines: a line wider than the terminal would show here as one long line.
    const screen = await term.waitFor(/\[exit \d+\]/);
    expect(screen).toContain('[exit 0]');
    const lines = screen.split('\n');
    const row = lines.find((line) => line.startsWith('zz-long')) ?? '';
    expect(row).toMatch(/^zz-long +Long x+… +long@example\.com /);
    for (const line of lines) expect(line.trimEnd().length).toBeLessThanOrEqual(100);
  });
});
