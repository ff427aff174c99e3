import { buildCustomer, createEmulator, type EmulatorServer } from '@amberkit/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CLI_PATH } from '../../commands/test-support/run-cli.js';
import { Tmux } from './tmux.js';

const KEY = 'e2e-key';

const emulator = createEmulator({ accounts: [KEY], dataset: 'demo', seed: 1 });
const tmux = new Tmux();
let server: EmulatorServer | undefined;

beforeAll(async () => {
  Tmux.assertInstalled();
  // The test drives what gets published: the built bin (vitest.global-setup.ts builds it).
  server = await emulator.listen({ host: '127.0.0.1' });
});

afterAll(async () => {
  tmux.kill();
  await server?.close();
});

const lines = (screen: string) => screen.replace(/\n$/, '').split('\n');

/**
 * The bin under a clean env. `CI=false` keeps Ink out of its CI mode (last frame only, no
 * resize); `ci: 'unset'` does the same by removing CI altogether, which the colour test needs:
 * chalk's colour detection treats any CI variable, even `false`, as "no colour".
 */
function amberkit(env: string[], ci: 'false' | 'unset' = 'false'): string[] {
  if (server === undefined) throw new Error('no emulator');
  const ciEnv = ci === 'false' ? ['CI=false'] : ['-u', 'CI', '-u', 'CONTINUOUS_INTEGRATION'];
  return [
    'env',
    '-u',
    'FORCE_COLOR',
    '-u',
    'NO_COLOR',
    ...ciEnv,
    'TERM=xterm-256color',
    ...env,
    'node',
    CLI_PATH,
    '--base-url',
    server.url,
    '--api-key',
    KEY,
  ];
}

describe('amberkit in a real terminal (tmux)', () => {
  test('list → filter → open → invoices → back → prepaid order → resize → quit', async () => {
    tmux.start(amberkit([]), 100, 30, 'flow');

    // The list, full screen, never taller than rows − 1 and never showing the key.
    let screen = await tmux.waitFor(
      (s) => s.includes('Acme Corp') && s.includes('[EMULATOR]'),
      'the customers list',
    );
    expect(lines(screen)).toHaveLength(30);
    expect(lines(screen)[29]?.trim()).toBe('');
    expect(lines(screen)[28]).toContain('q quit');
    expect(screen).not.toContain(KEY);

    // Filter.
    tmux.key('/');
    // CI=false: chalk draws no styles, so the placeholder is marked and the cursor a character.
    await tmux.waitForText('/ █<id, name or email>');
    tmux.type('acme.com');
    await tmux.waitForText('1 of 33');
    tmux.key('Enter');
    screen = await tmux.waitForText('filter “acme.com”');
    expect(screen).toContain('> customer-123456');

    // Open, invoices, back.
    tmux.key('Enter');
    await tmux.waitForText('Lifecycle stage');
    tmux.key('i');
    screen = await tmux.waitForText('Total excluding VOID: $99.50');
    expect(screen).toMatch(/inv-500123\s+.+\$99\.50\s+PAID/);
    tmux.key('Escape');
    screen = await tmux.waitFor(
      (s) => s.includes('Lifecycle stage') && !s.includes('› Invoices'),
      'the customer again',
    );

    // A prepaid order: form → summary → confirm.
    tmux.key('p');
    await tmux.waitForText('> Amount');
    tmux.type('250');
    await tmux.waitFor((s) => /Amount\s+250/.test(s), 'the amount');
    tmux.key('Down');
    await tmux.waitForText('> Currency');
    tmux.key('Down');
    await tmux.waitForText('> Expires on');
    tmux.type('2097-01-01');
    await tmux.waitForText('2097-01-01');
    tmux.key('Down');
    await tmux.waitForText('> [ Review ]');
    tmux.key('Enter');
    screen = await tmux.waitForText('Send this?');
    expect(screen).toMatch(/Amount\s+\$250\.00/);
    tmux.key('y');
    await tmux.waitForText('created for customer-123456');
    await tmux.waitForText('Lifecycle stage');

    // Resize: the frame re-lays out to the new size and stays within rows − 1.
    tmux.run('resize-window', '-t', tmux.target, '-x', '80', '-y', '24');
    screen = await tmux.waitFor(
      (s) => lines(s).length === 24 && (lines(s)[22] ?? '').includes('q quit'),
      'the 80x24 layout',
    );
    expect(lines(screen)[23]?.trim()).toBe('');
    expect(Math.max(...lines(screen).map((l) => l.length))).toBeLessThanOrEqual(80);
    expect(screen).toContain('Lifecycle stage');

    // Quit: exit code 0 and the main screen is back (the UI was on the alternate screen).
    tmux.key('q');
    expect(await tmux.exitStatus()).toBe('0');
    expect(tmux.screen()).not.toContain('amberkit │');

    const orders = emulator.snapshot(KEY).prepaidOrders;
    expect(orders).toHaveLength(1);
    expect(orders[0]).toMatchObject({
      customerId: 'customer-123456',
      amount: 250,
      currency: 'USD',
    });
  }, 120_000);

  test('SIGTERM gives the terminal back: the main screen returns and the process exits', async () => {
    tmux.start(amberkit([]), 100, 30, 'sigterm');
    await tmux.waitForText('Acme Corp');
    process.kill(tmux.commandPid(), 'SIGTERM');
    expect(await tmux.exitStatus()).toBe('143');
    expect(tmux.screen()).not.toContain('amberkit │');
  }, 60_000);

  test('NO_COLOR: no colour (colour by default); q in a form is typed, Ctrl-C quits', async () => {
    // An SGR sequence that sets a foreground colour (ESC [ … 3x / 9x / 38; … m).
    const colour = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*(3[0-7]|9[0-7]|38;)[0-9;]*m`);
    tmux.start(amberkit([], 'unset'), 100, 30, 'colour');
    await tmux.waitForText('Acme Corp');
    expect(tmux.screen(true)).toMatch(colour);
    // With colour, a field's cursor is inverse video, not a character.
    tmux.key('n');
    await tmux.waitForText('> Customer ID');
    expect(tmux.screen()).toMatch(/> Customer ID\s+e\.g\. customer-123456\s*$/m);
    expect(tmux.screen(true)).toContain(`${String.fromCharCode(27)}[7m`);
    tmux.key('Escape');
    await tmux.waitFor((s) => !s.includes('Customer ID'), 'the list again');
    tmux.key('q');
    expect(await tmux.exitStatus()).toBe('0');

    tmux.start(amberkit(['NO_COLOR=1'], 'unset'), 100, 30, 'no-colour');
    const screen = await tmux.waitForText('Acme Corp');
    expect(screen).toContain('[EMULATOR]');
    expect(screen).toContain('> customer-123456');
    expect(tmux.screen(true)).not.toMatch(colour);

    // A burst (three keys in one write) acts like three keys typed one after another.
    tmux.run('send-keys', '-t', tmux.target, 'j', 'j', 'Enter');
    await tmux.waitForText('Customers › demo-00002');
    tmux.key('Escape');
    await tmux.waitFor((s) => s.includes('> demo-00002') && !s.includes('›'), 'the list again');

    // In a form, q is typed, not obeyed; Ctrl-C still quits cleanly.
    tmux.key('n');
    await tmux.waitForText('> Customer ID');
    // Without inverse video the cursor is a character, and an empty field's placeholder is
    // marked as one: neither reads as a value already typed.
    await tmux.waitFor(
      (s) => /> Customer ID\s+█<e\.g\. customer-123456>\s*$/m.test(s),
      'the cursor',
    );
    tmux.key('q', true);
    await tmux.waitFor((s) => /> Customer ID\s+q█\s*$/m.test(s), 'the typed q');
    tmux.key('Left');
    await tmux.waitFor((s) => /> Customer ID\s+█q\s*$/m.test(s), 'the cursor before q');
    // Still plain text: no colour and no inverse video.
    expect(tmux.screen(true)).not.toMatch(colour);
    expect(tmux.screen(true)).not.toContain(`${String.fromCharCode(27)}[7m`);
    expect(tmux.paneDead().dead).toBe(false);
    tmux.key('C-c');
    expect(await tmux.exitStatus()).toBe('0');
    expect(tmux.screen()).not.toContain('amberkit │');
  }, 60_000);

  test('names from the server cannot drive the terminal: no retitle, no colour, one row each', async () => {
    const ESC = String.fromCharCode(27);
    const BEL = String.fromCharCode(7);
    emulator.load(KEY, {
      customers: [
        buildCustomer({
          customerId: 'aa-evil1',
          customerName: `Evil${ESC}[31mRED${ESC}[0m\nline2\ttab`,
        }),
        buildCustomer({ customerId: 'aa-evil2', customerName: `X${ESC}]0;PWNED${BEL}Y` }),
        // A right-to-left override would draw the id backwards on a terminal that does bidi.
        buildCustomer({ customerId: 'aa-evil3', customerName: 'Bidi \u202egnp.exe' }),
      ],
    });
    tmux.start(amberkit([]), 120, 30, 'hostile');
    const title = () => tmux.run('display-message', '-p', '-t', tmux.target, '#{pane_title}');
    const before = title();
    let screen = await tmux.waitForText('aa-evil3');
    // Each name is shown, escapes visible, on its own row.
    const row = (id: string) => lines(screen).find((line) => line.includes(id)) ?? '';
    expect(row('aa-evil1')).toContain('Evil\\x1b[31mRED\\x1b[0m\\nline2\\ttab');
    expect(row('aa-evil2')).toContain('X\\x1b]0;PWNED\\x07Y');
    expect(row('aa-evil3')).toContain('Bidi \\u{202e}gnp.exe');
    expect(screen).not.toMatch(/^\s*line2/m);
    expect(lines(screen)).toHaveLength(30);
    // Nothing was drawn red by the name, and the window title is what it was.
    const painted = tmux.screen(true);
    expect(painted).not.toMatch(new RegExp(`${ESC}\\[[0-9;]*31m[^${ESC}]*RED`));
    expect(title()).toBe(before);
    expect(title()).not.toContain('PWNED');

    // The customer view and its breadcrumb show the same escapes.
    tmux.key('Enter');
    screen = await tmux.waitForText('Lifecycle stage');
    expect(screen).toContain('Evil\\x1b[31mRED\\x1b[0m\\nline2\\ttab');
    expect(title()).toBe(before);
    tmux.key('q');
    expect(await tmux.exitStatus()).toBe('0');
    emulator.reset();
  }, 60_000);

  test('invoices: no amount is ever cut; totals wrap; narrow columns give way; too narrow says so', async () => {
    const long = 'inv-2025-0001-a-very-long-invoice-identifier-0123456789';
    const invoice = (invoiceId: string, totalAmount: number, currency: string, status: string) => ({
      invoiceId,
      customerId: 'aa-money',
      startTime: 1_735_689_600,
      endTime: 1_738_368_000,
      totalAmount,
      currency,
      status: status as 'PAID',
    });
    emulator.load(KEY, {
      customers: [buildCustomer({ customerId: 'aa-money', customerName: 'Money Co' })],
      invoices: [
        invoice(long, 1_234_567.89, 'USD', 'PAID'),
        invoice('inv-eur', 4_667.19, 'EUR', 'PENDING'),
        invoice('inv-jpy', 12_345_678, 'JPY', 'DRAFT'),
        invoice('inv-kwd', 12_345.678, 'KWD', 'PAID'),
        invoice('inv-gbp', 9_876.54, 'GBP', 'PAID'),
        invoice('inv-void', 2_855.55, 'USD', 'VOID'),
      ],
    });
    const amounts = [
      /\$1,234,567\.89/,
      /€4,667\.19/,
      /¥12,345,678/,
      /KWD\s12,345\.678/,
      /£9,876\.54/,
      /\$2,855\.55/,
    ];
    const statuses = ['PAID', 'PENDING', 'DRAFT', 'VOID'];
    const rowsOf = (screen: string) => lines(screen).filter((line) => /inv-/.test(line));
    const expectWhole = (screen: string) => {
      // Every row shows its whole amount and its status; nothing money-like is cut.
      expect(rowsOf(screen)).toHaveLength(6);
      for (const [index, row] of rowsOf(screen).entries()) {
        expect(row).toMatch(amounts[index]!);
        expect(statuses.some((status) => row.trimEnd().endsWith(status))).toBe(true);
      }
      expect(screen).toMatch(/STATUS/);
      // Every total, exactly, somewhere under the table.
      const foot = screen.slice(screen.indexOf('Total excluding VOID:'));
      for (const amount of amounts.slice(0, 5)) expect(foot).toMatch(amount);
      expect(foot).toMatch(/VOID, not in the total: \$2,855\.55/);
      expect(screen).not.toMatch(/(?:[$€¥£]|KWD\s)[\d,.]*…/);
    };

    tmux.start(amberkit([]), 80, 24, 'money');
    await tmux.waitForText('Acme Corp');
    tmux.key(':');
    tmux.type('customer aa-money');
    tmux.key('Enter');
    await tmux.waitForText('Lifecycle stage');
    tmux.key('i');
    let screen = await tmux.waitForText('Total excluding VOID:');
    expectWhole(screen);

    // A frame drawn for `columns`: the table's header and the footer each whole on one line.
    const redrawn = (columns: number) => (s: string) =>
      lines(s).some((l) => /INVOICE.+PERIOD.+AMOUNT.+STATUS/.test(l)) &&
      lines(s).some((l) => /\? help.+q quit/.test(l)) &&
      lines(s).every((l) => l.length <= columns) &&
      lines(s).some((l) => l.length > columns - 5);
    tmux.run('resize-window', '-t', tmux.target, '-x', '60', '-y', '24');
    expectWhole(await tmux.waitFor(redrawn(60), 'the 60-column frame'));

    // Wide: the id column holds the longest id up to a cap, not the whole width.
    tmux.run('resize-window', '-t', tmux.target, '-x', '250', '-y', '24');
    screen = await tmux.waitFor(redrawn(250), 'the 250-column frame');
    const header = lines(screen).find((line) => line.includes('PERIOD')) ?? '';
    expect(header.indexOf('PERIOD') - header.indexOf('INVOICE')).toBeLessThanOrEqual(40);
    expectWhole(screen);

    // Too narrow for the widest amount with its status: it says so instead of cutting one.
    tmux.run('resize-window', '-t', tmux.target, '-x', '44', '-y', '24');
    screen = await tmux.waitFor(
      (s) => /Terminal too small: \d+ more columns? needed/.test(s),
      'the notice',
    );
    expect(screen).not.toMatch(/\$1,234/);
    tmux.key('q');
    expect(await tmux.exitStatus()).toBe('0');
    emulator.reset();
  }, 60_000);
});
