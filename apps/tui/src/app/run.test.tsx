import { Console } from 'node:console';
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, test } from 'vitest';
import { runTui } from './run.js';
import { FakeStdin, fakeStdout } from './test-support/fake-terminal.js';
import { API_KEY, BASE_URL, inProcessClient } from './test-support/harness.js';
import { effectsSettled, waitUntil } from './test-support/wait-until.js';

const ENTER = '\u001b[?1049h';
const LEAVE = '\u001b[?1049l';

/**
 * The TUI on a fake 100×30 terminal against the in-process emulator: its exit, its keyboard,
 * what it wrote (`screen()`, since the last `clear()`), and a wait for text on the screen.
 */
function startTui() {
  // Ink patches the console (library warnings must not tear the frame); vitest's console
  // lacks the Console class that needs, so lend it Node's.
  (console as { Console?: typeof Console }).Console ??= Console;
  const { fetcher, client } = inProcessClient();
  const writes: string[] = [];
  let screen = '';
  const stdout = fakeStdout(100, 30, (chunk) => {
    writes.push(chunk);
    screen += chunk;
  });
  const stdin = new FakeStdin();
  const exit = runTui({
    client,
    connection: { baseUrl: BASE_URL, apiKey: API_KEY, profile: null, readOnly: false },
    stdout,
    stdin: stdin as unknown as NodeJS.ReadStream,
    fetch: fetcher,
  });
  const shown = () => stripVTControlCharacters(screen);
  return {
    exit,
    stdin,
    writes,
    screen: shown,
    clear: () => {
      screen = '';
    },
    waitFor: (text: string | RegExp, what: string) =>
      waitUntil(
        () => (typeof text === 'string' ? shown().includes(text) : text.test(shown())),
        what,
      ),
  };
}

describe('runTui', () => {
  test('draws on the alternate screen, quits on q with code 0 and gives the screen back', async () => {
    // Signal handlers are shared with signal-exit (Ink's); crash handlers are only ours.
    const crashHandlers = () =>
      process.listenerCount('uncaughtException') + process.listenerCount('unhandledRejection');
    const before = crashHandlers();
    const { exit, stdin, writes } = startTui();
    await waitUntil(() => writes.some((w) => w.includes('33 of 33')), 'the customers list');
    expect(crashHandlers()).toBe(before + 2);
    // Let the list's key handlers subscribe (React runs effects after drawing).
    await effectsSettled();
    // A burst, as a terminal sends fast keys: each must act on the screen the last one left.
    stdin.press('jj\r');
    await waitUntil(
      () => writes.some((w) => w.includes('Customers › demo-00002')),
      'demo-00002 to open',
    );
    stdin.press('q');
    await expect(exit).resolves.toBe(0);
    expect(writes[0]?.startsWith(ENTER)).toBe(true);
    expect(writes.join('').lastIndexOf(LEAVE)).toBeGreaterThan(
      writes.join('').lastIndexOf('33 of 33'),
    );
    expect(writes.join('')).not.toContain(API_KEY);
    expect(crashHandlers()).toBe(before);
  });

  test('a key right behind one that opens a view reaches that view, even if the process lagged', async () => {
    const { exit, stdin, clear, waitFor } = startTui();
    await waitFor('33 of 33', 'the customers list');
    await effectsSettled();
    // Two reads in one tick, as a starved process finds keys typed 200 ms apart: `n` opens
    // the form, whose input has not subscribed yet; the `q` is meant for it, not for quitting.
    stdin.press('n');
    stdin.press('q');
    clear();
    await waitFor(/Customer ID\s+q/, 'the typed q');
    // Esc asks before dropping the typed q, y leaves the form; `:q` (a command, not the q
    // key) quits cleanly.
    stdin.press('\u001b');
    await waitFor('Discard changes? y/N', 'the question');
    stdin.press('y');
    await waitFor('33 of 33', 'the list');
    stdin.press(':');
    stdin.press('q');
    stdin.press('\r');
    await expect(exit).resolves.toBe(0);
  });

  test('q quits from a form when no text field has focus, and from the help overlay', async () => {
    const { exit, stdin, screen, clear, waitFor } = startTui();
    await waitFor('33 of 33', 'the customers list');
    await effectsSettled();
    stdin.press('n');
    await waitFor('> Customer ID', 'the form');
    await effectsSettled();
    for (let i = 0; i < 4; i++) stdin.press('\u001b[B');
    await waitFor('> Lifecycle stage', 'the stage field');
    await effectsSettled();
    clear();
    stdin.press('?');
    await waitFor('Keys of this view', 'the help');
    expect(screen()).toContain('next option');
    await effectsSettled();
    stdin.press('q');
    await expect(exit).resolves.toBe(0);
  });
});
