import { buildCustomer } from '@amberkit/testing';
import { describe, expect, test } from 'vitest';
import type { View } from '../hooks/use-view-stack.js';
import { API_KEY, type AppHarness, atCustomer, KEYS, startApp } from '../test-support/harness.js';

// Lines must never share a row: when a view is squeezed, Yoga draws two lines on one row and
// the frame reads `VOID, not in the total: €12.50 · ¥1,500` with the amounts of the wrong line.
const COLUMNS = 80;
const TALL = 60;
const HEIGHTS = [5, 6, 7, 8, 9, 10, 11, 12];
const TOO_SMALL = /^Terminal too small: \d+ more rows? needed$/;

const rowsOf = (frame: string) => frame.split('\n').map((row) => row.trimEnd());

/** Resizes, then waits for a frame of the new height. */
async function resized(app: AppHarness, rows: number): Promise<string[]> {
  app.resize(COLUMNS, rows);
  return rowsOf(await app.waitFor((frame) => frame.split('\n').length === rows - 1));
}

/**
 * Draws the view tall to learn every line it means to show, then at each short height checks
 * that each row is one of those lines whole (or blank, or the too-small notice), and that what
 * must be seen together (`required`) is either all there or replaced by the notice.
 */
async function checkHeights(app: AppHarness, required: readonly string[]) {
  const intended = new Set(rowsOf(app.frame()));
  for (const line of required) expect(intended).toContain(line);
  for (const rows of HEIGHTS) {
    const frame = await resized(app, rows);
    for (const row of frame) {
      if (row === '' || intended.has(row) || TOO_SMALL.test(row)) continue;
      expect.fail(
        `at ${COLUMNS}x${rows}, a row that is no intended line: "${row}"\n${frame.join('\n')}`,
      );
    }
    const shown = required.every((line) => frame.includes(line));
    const refused = frame.some((row) => TOO_SMALL.test(row));
    expect(shown || refused, `at ${COLUMNS}x${rows}:\n${frame.join('\n')}`).toBe(true);
  }
}

const invoices: View[] = atCustomer('cust-void', { kind: 'invoices', customerId: 'cust-void' });
const invoice = (
  id: string,
  totalAmount: number,
  currency: string,
  status: 'PAID' | 'PENDING' | 'VOID',
) => ({
  invoiceId: id,
  customerId: 'cust-void',
  startTime: 1_718_064_000,
  endTime: 1_718_150_400,
  totalAmount,
  currency,
  status,
});

describe('short terminals: no two lines on one row', () => {
  test('invoices view: the table scrolls, the totals and the VOID line stay whole', async () => {
    using app = startApp({ columns: COLUMNS, rows: TALL, initialView: invoices });
    app.emulator.load(API_KEY, {
      customers: [buildCustomer({ customerId: 'cust-void' })],
      invoices: [
        invoice('inv-paid', 99.5, 'USD', 'PAID'),
        invoice('inv-open', 0.3, 'USD', 'PENDING'),
        invoice('inv-void-eur', 12.5, 'EUR', 'VOID'),
        invoice('inv-void-jpy', 1500, 'JPY', 'VOID'),
      ],
    });
    app.press('r');
    await app.waitFor('VOID, not in the total');
    const required = ['Total excluding VOID: $99.80', 'VOID, not in the total: €12.50 · ¥1,500'];
    await checkHeights(app, required);
    // 8 lines: the breadcrumbs give way so the view has its 5 (title, header, a row, two
    // totals), rather than the view saying it is too small under the breadcrumbs.
    const frame = await resized(app, 9);
    for (const line of required) expect(frame, frame.join('\n')).toContain(line);
    expect(frame.some((row) => TOO_SMALL.test(row))).toBe(false);
  });

  test('customers list: the table scrolls under its title', async () => {
    using app = startApp({ columns: COLUMNS, rows: TALL });
    await app.waitFor('33 of 33');
    const selected = rowsOf(app.frame()).find((row) => row.startsWith('> ')) ?? '';
    await checkHeights(app, [selected]);
  });

  test('prepaid confirm step: the whole summary and the question, or nothing to confirm', async () => {
    using app = startApp({
      columns: COLUMNS,
      rows: TALL,
      initialView: atCustomer('customer-123456', {
        kind: 'prepaid',
        customerId: 'customer-123456',
      }),
    });
    await app.waitFor('> Amount');
    app.press('5');
    await app.waitFor(/Amount\s+5/);
    for (const label of ['> Currency', '> Expires on', '> [ Review ]']) {
      app.press(KEYS.down);
      await app.waitFor(label);
    }
    app.press(KEYS.enter);
    const frame = rowsOf(await app.waitFor('Send this?'));
    const summary = frame.filter((row) => /^ {2}(Customer|Amount|Expires) /.test(row));
    expect(summary).toHaveLength(3);
    const question = frame.find((row) => row.startsWith('Send this?')) ?? '';
    await checkHeights(app, [...summary, question]);
    // 8 lines: the breadcrumbs give way so the whole summary and the question fit.
    const short = await resized(app, 9);
    for (const line of [...summary, question]) expect(short, short.join('\n')).toContain(line);
  });
});
