import { createEmulator, seedCustomers } from '@amberkit/testing';
import { describe, expect, test, vi } from 'vitest';
import { API_KEY, KEYS, startApp } from './test-support/harness.js';

/**
 * Ids of the customer rows the table has drawn cells for. The frame alone cannot show what was
 * rendered, as the table's box clips rows that do not fit; counting cells can.
 */
const drawnRows = new Set<string>();
vi.mock('./views/customer-columns.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('./views/customer-columns.js')>();
  return {
    ...original,
    customerColumns: (...args: Parameters<typeof original.customerColumns>) =>
      original.customerColumns(...args).map((column) => ({
        ...column,
        cell: (row: Parameters<typeof column.cell>[0]) => {
          drawnRows.add(row.id);
          return column.cell(row);
        },
      })),
  };
});

const lines = (frame: string) => frame.split('\n');

describe('app shell', () => {
  test('an endpoint that is not known to be an emulator is marked LIVE', async () => {
    const unreachable: typeof fetch = async () => {
      throw new TypeError('fetch failed');
    };
    using app = startApp({ probe: unreachable });
    const frame = await app.waitFor('LIVE · unknown endpoint');
    expect(frame).not.toContain('[EMULATOR]');
  });

  test.each([80, 60])(
    'at %i columns the LIVE and READ-ONLY badges stay; the URL is cut',
    async (columns) => {
      const unreachable: typeof fetch = async () => {
        throw new TypeError('fetch failed');
      };
      const baseUrl = 'https://billing-proxy.internal.example-corporation.com/amberflo/api/v1';
      using app = startApp({ probe: unreachable, readOnly: true, baseUrl, columns });
      await app.waitFor('of 33');
      const frame = await app.waitFor((f) => (lines(f)[0] ?? '').includes('LIVE'));
      const header = lines(frame)[0] ?? '';
      expect(header).toContain('LIVE · unknown endpoint');
      expect(header).toMatch(/READ-ONLY\s*$/);
      expect(header.length).toBeLessThanOrEqual(columns);
      expect(header.startsWith('amberkit')).toBe(true);
    },
  );

  test('? lists the keys of the current view; any key closes it', async () => {
    using app = startApp();
    await app.waitFor('Acme Corp');
    app.press('?');
    const frame = await app.waitFor('Keys of this view');
    for (const text of [
      '/',
      'filter',
      'sort by next column',
      'reverse sort',
      'refresh',
      'new customer',
      'down / j',
      'G / end',
      'quit',
    ]) {
      expect(frame).toContain(text);
    }
    app.press('x');
    await app.waitFor((f) => f.includes('Acme Corp') && !f.includes('Keys of this view'));
  });

  test(': opens a command line: :customer <id>, :customers, and unknown commands', async () => {
    using app = startApp();
    await app.waitFor('Acme Corp');
    app.press(':');
    await app.waitFor(':customers  :customer <id>  :q');
    app.press('customer demo-00003');
    await app.waitFor(':customer demo-00003');
    app.press(KEYS.enter);
    await app.waitFor('Customers › demo-00003');
    await app.waitFor('Lifecycle stage');
    app.press(':');
    await app.waitFor(':customers  :customer <id>  :q');
    app.press('bogus');
    await app.waitFor(':bogus');
    app.press(KEYS.enter);
    await app.waitFor('Unknown command :bogus');
    app.press(':');
    await app.waitFor(':customers  :customer <id>  :q');
    app.press('customers');
    await app.waitFor(':customers');
    app.press(KEYS.enter);
    const frame = await app.waitFor('33 of 33');
    expect(frame).not.toContain('› demo-00003');
  });

  test('s walks the sort columns, S reverses', async () => {
    using app = startApp();
    await app.waitFor('ID ↑');
    app.press('s');
    let frame = await app.waitFor('NAME ↑');
    const header = lines(frame).find((l) => l.includes('NAME ↑')) ?? '';
    const names = lines(frame)
      .filter((l) => /^[> ] (customer|demo)-/.test(l))
      .map((l) => l.slice(header.indexOf('NAME'), header.indexOf('EMAIL')).trim());
    expect(names).toContain('Acme Corp');
    expect(names).toEqual(
      [...names].sort((a, b) =>
        a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0,
      ),
    );
    app.press('S');
    frame = await app.waitFor('NAME ↓');
    expect(frame).not.toContain('ID ↑');
  });

  test('r refreshes behind a spinner, keeping the rows, and shows new data', async () => {
    using app = startApp();
    await app.waitFor('33 of 33');
    app.emulator.load(API_KEY, { customers: [{ customerId: 'zz-new', customerName: 'Fresh Co' }] });
    app.emulator.setFaults([{ method: 'GET', path: '/customers', latencyMs: 400 }]);
    app.press('r');
    const frame = await app.waitFor('refreshing…');
    expect(frame).toContain('Acme Corp');
    await app.waitFor('34 of 34');
  });

  test('an empty account says so', async () => {
    using app = startApp({ dataset: 'empty' });
    await app.waitFor('No customers yet.');
    await app.waitFor('Press n to create one.');
  });

  test('a failing list shows the server message in place, and r retries', async () => {
    const emulator = createEmulator({
      accounts: [API_KEY],
      seed: 1,
      faults: [{ method: 'GET', path: '/customers', status: 500 }],
    });
    using app = startApp({ emulator });
    const frame = await app.waitFor('HTTP 500');
    expect(frame).toContain('INTERNAL');
    expect(frame).not.toMatch(/\bat .+:\d+:\d+/);
    emulator.setFaults([]);
    app.press('r');
    await app.waitFor('Acme Corp');
  });

  test('read-only: every write key says why it does nothing', async () => {
    using app = startApp({ readOnly: true });
    let frame = await app.waitFor('Acme Corp');
    expect(frame).toContain('READ-ONLY');
    app.press('n');
    await app.waitFor('"new customer" is disabled because this connection is read-only');
    app.press(KEYS.enter);
    await app.waitFor('Lifecycle stage');
    for (const key of ['e', 'd', 'p', 'a']) {
      app.press(key);
      await app.waitFor('is disabled because this connection is read-only');
    }
    frame = app.frame();
    expect(frame).toContain('Lifecycle stage');
    expect(frame).not.toContain('Edit');
    app.press('i');
    await app.waitFor('› Invoices');
    expect(app.emulator.requests().filter((r) => r.method !== 'GET')).toHaveLength(0);
  });
});

describe('layout', () => {
  test('frames stay within rows − 1 lines and the width, and re-lay out on resize', async () => {
    using app = startApp({ columns: 100, rows: 30 });
    let frame = await app.waitFor('Acme Corp');
    expect(lines(frame).length).toBeLessThanOrEqual(29);
    expect(Math.max(...lines(frame).map((l) => l.length))).toBeLessThanOrEqual(100);
    app.resize(80, 24);
    frame = await app.waitFor((f) => lines(f).length <= 23 && f.includes('Acme Corp'));
    expect(Math.max(...lines(frame).map((l) => l.length))).toBeLessThanOrEqual(80);
    app.resize(120, 40);
    frame = await app.waitFor((f) => lines(f).length > 30);
    expect(lines(frame).length).toBeLessThanOrEqual(39);
    expect(frame).toContain('demo-00032');
  });

  test('a footer cut to fit keeps a gap between its … and the pinned keys', async () => {
    using app = startApp({ columns: 60, rows: 20 });
    let frame = await app.waitFor('customer-123456');
    const footer = (f: string) => lines(f.trimEnd()).at(-1) ?? '';
    expect(footer(frame)).toMatch(/… {2}\? help {2}: command {2}q quit$/);
    // Uncut, the view's keys are two spaces apart and the pinned ones stay on the right.
    app.resize(140, 20);
    frame = await app.waitFor((f) => footer(f).includes('n new customer'));
    expect(footer(frame)).toMatch(
      /r refresh {2}n new customer {2,}\? help {2}: command {2}q quit$/,
    );
    expect(footer(frame)).not.toContain('…');
    // While a text field has the keys, the one pinned key is kept apart just the same.
    app.resize(40, 20);
    app.press('/');
    frame = await app.waitFor((f) => footer(f).includes('ctrl+c quit'));
    expect(footer(frame)).toMatch(/… {2}ctrl\+c quit$/);
  });

  test('10,000 customers: only the visible rows render; G, PgUp and filter work', async () => {
    const emulator = createEmulator({ accounts: [API_KEY], dataset: 'empty', seed: 1 });
    emulator.load(API_KEY, { customers: seedCustomers(10_000, { seed: 7, idPrefix: 'bulk' }) });
    drawnRows.clear();
    using app = startApp({ emulator, rows: 30 });
    let frame = await app.waitFor('10,000 of 10,000', 15_000);
    expect(lines(frame).length).toBeLessThanOrEqual(29);
    const shown = lines(frame).filter((l) => /^[ >] bulk-/.test(l)).length;
    expect(shown).toBeGreaterThan(10);
    expect(drawnRows.size).toBe(shown);
    drawnRows.clear();
    app.press('G');
    frame = await app.waitFor('> bulk-10000');
    expect(frame).not.toContain('bulk-00001 ');
    // Jumping to the end draws the last window only, not the rows in between.
    expect(drawnRows.size).toBeGreaterThan(0);
    expect([...drawnRows].every((id) => id >= 'bulk-09900')).toBe(true);
    expect(drawnRows.size).toBeLessThanOrEqual(shown);
    app.press(KEYS.pageUp);
    frame = await app.waitFor((f) => !f.includes('> bulk-10000'));
    expect(lines(frame).find((l) => l.startsWith('> '))).toMatch(/bulk-099[0-9]{2}/);
    app.press('/');
    await app.waitFor('/ ');
    app.press('bulk-04999');
    frame = await app.waitFor('1 of 10,000');
    expect(frame).toContain('> bulk-04999');
  }, 30_000);
});
