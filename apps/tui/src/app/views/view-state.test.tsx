import { createEmulator } from '@amberkit/testing';
import { describe, expect, test } from 'vitest';
import { API_KEY, atCustomer, KEYS, startApp } from '../test-support/harness.js';

const footer = (frame: string) => frame.trimEnd().split('\n').at(-1) ?? '';
const PREPAID_PATH = '/payments-pricing-amberflo-customer-prepaid';
const invoicesOf = { kind: 'invoices', customerId: 'customer-123456' } as const;

/** The app on the prepaid-order form of the demo's first customer. */
const openPrepaidForm = () =>
  startApp({
    initialView: atCustomer('customer-123456', { kind: 'prepaid', customerId: 'customer-123456' }),
  });

describe('what a view says matches what it can do', () => {
  test('a message belongs to its view: the next view opens without it', async () => {
    using app = startApp({ initialView: atCustomer('customer-123456') });
    await app.waitFor('Lifecycle stage');
    app.press('y');
    await app.waitFor('Sent customer-123456 to the clipboard');
    app.press('p');
    const frame = await app.waitFor('> Amount');
    expect(frame).not.toContain('Sent customer-123456');
  });

  test('read-only: the footer offers no write key; ? lists them as disabled', async () => {
    using app = startApp({ readOnly: true, initialView: atCustomer('customer-123456') });
    const frame = await app.waitFor('Lifecycle stage');
    expect(footer(frame)).toContain('invoices');
    for (const label of ['edit', 'delete', 'prepaid order', 'assign plan'])
      expect(footer(frame)).not.toContain(label);
    app.press('?');
    const help = await app.waitFor('Keys of this view');
    expect(help).toMatch(/e +edit \(disabled: read-only\)/);
  });

  test('a failed refresh keeps the rows on screen, says they are stale, and r retries', async () => {
    using app = startApp();
    await app.waitFor('33 of 33');
    app.press('j');
    await app.waitFor('> demo-00001');
    app.emulator.setFaults([{ status: 503 }]);
    app.press('r');
    const frame = await app.waitFor('Refresh failed');
    // What failed, when the rows shown were loaded, and what to do.
    expect(frame).toMatch(/! Refresh failed: GET \/customers failed with 503/);
    expect(frame).toMatch(/stale since \d{2}:\d{2}:\d{2} · r retry/);
    // The rows, their count and the selection are still there; no error box stands in.
    expect(frame).toContain('33 of 33');
    expect(frame).toContain('Acme Corp');
    expect(frame).toContain('> demo-00001');
    expect(frame).not.toContain('Press r to try again.');
    app.emulator.setFaults([]);
    app.press('r');
    const after = await app.waitFor(
      (f) => !f.includes('Refresh failed') && f.includes('Acme Corp'),
    );
    expect(after).toContain('33 of 33');
  });

  test('the invoices list keeps its rows and totals after a failed refresh', async () => {
    using app = startApp({ initialView: atCustomer('customer-123456', invoicesOf) });
    await app.waitFor('inv-500123');
    app.emulator.setFaults([{ status: 503 }]);
    app.press('r');
    const frame = await app.waitFor('Refresh failed');
    expect(frame).toContain('inv-500123');
    expect(frame).toContain('Total excluding VOID');
    expect(frame).toMatch(/stale since \d{2}:\d{2}:\d{2} · r retry/);
  });

  test('a customer whose refresh failed stays on screen, marked stale, edit still offered', async () => {
    using app = startApp({ initialView: atCustomer('customer-123456') });
    await app.waitFor('Lifecycle stage');
    app.emulator.setFaults([{ status: 503 }]);
    app.press('r');
    const frame = await app.waitFor('Refresh failed');
    expect(frame).toContain('Lifecycle stage');
    expect(frame).toMatch(/stale since \d{2}:\d{2}:\d{2} · r retry/);
    expect(footer(frame)).toContain('edit');
  });

  test('on a narrow terminal the stale line still says how to retry, whole', async () => {
    using app = startApp({ columns: 40, initialView: atCustomer('customer-123456') });
    await app.waitFor('Lifecycle stage');
    app.emulator.setFaults([{ status: 503 }]);
    app.press('r');
    const frame = await app.waitFor(/stale since/);
    expect(frame).toMatch(/^! stale since \d{2}:\d{2}:\d{2} · r retry *$/m);
  });

  test('a customer that failed to load offers no edit or delete', async () => {
    using app = startApp({ initialView: atCustomer('no-such-customer') });
    const frame = await app.waitFor('NOT_FOUND');
    expect(footer(frame)).not.toContain('edit');
    expect(footer(frame)).not.toContain('delete');
  });
});

describe('Esc stops waiting for a request that hangs (the client is given the abort)', () => {
  test('a hanging write: Esc cancels it, says it may have been applied, and the form is back', async () => {
    using app = openPrepaidForm();
    await app.waitFor('> Amount');
    app.emulator.setFaults([{ path: PREPAID_PATH, hang: true }]);
    app.press('25');
    await app.waitFor(/Amount\s+25/);
    for (let i = 0; i < 3; i++) app.press(KEYS.down);
    await app.waitFor('> [ Review ]');
    app.press(KEYS.enter);
    await app.waitFor('Send this?');
    app.press('y');
    await app.waitFor('Sending… (Esc cancels)');
    app.press(KEYS.esc);
    // The client's own timeout is 30 s: only the abort brings this within the wait.
    const frame = await app.waitFor('Cancelled while waiting for the server', 5000);
    expect(frame).toContain('may still have been applied');
    expect(frame).toContain('[ Review ]');
  });

  test('a hanging list: Esc cancels the load; r loads again', async () => {
    const emulator = createEmulator({ accounts: [API_KEY], dataset: 'demo', seed: 1 });
    emulator.setFaults([{ path: '/customers', hang: true }]);
    using app = startApp({ emulator });
    await app.waitFor('Loading customers…');
    app.press(KEYS.esc);
    await app.waitFor('Cancelled: nothing was loaded', 5000);
    emulator.setFaults([]);
    app.press('r');
    await app.waitFor('Acme Corp');
  });

  test('a hanging refresh: Esc stops it and the rows already loaded stay, marked stale', async () => {
    using app = startApp();
    await app.waitFor('33 of 33');
    app.emulator.setFaults([{ path: '/customers', hang: true }]);
    app.press('r');
    await app.waitFor('refreshing…');
    app.press(KEYS.esc);
    const frame = await app.waitFor('Refresh cancelled', 5000);
    expect(frame).not.toContain('nothing was loaded');
    expect(frame).toContain('Acme Corp');
    expect(frame).toContain('33 of 33');
    expect(frame).toMatch(/stale since \d{2}:\d{2}:\d{2} · r retry/);
  });
});

describe('Esc on a changed form asks before dropping the changes', () => {
  test('new customer: y/N; N keeps every value, y goes back; an untouched form just closes', async () => {
    using app = startApp();
    await app.waitFor('Acme Corp');
    app.press('n');
    await app.waitFor('> Customer ID');
    app.press(KEYS.esc);
    await app.waitFor((f) => f.includes('Acme Corp') && !f.includes('Customer ID'));

    app.press('n');
    await app.waitFor('> Customer ID');
    app.press('typed-id');
    await app.waitFor(/Customer ID\s+typed-id/);
    app.press(KEYS.esc);
    let frame = await app.waitFor('Discard changes? y/N');
    // The question has the keys: this n answers it, it is not typed into the field.
    app.press('n');
    frame = await app.waitFor((f) => !f.includes('Discard changes?'));
    expect(frame).toMatch(/Customer ID\s+typed-id\s*\n/);
    app.press(KEYS.esc);
    await app.waitFor('Discard changes? y/N');
    app.press('y');
    frame = await app.waitFor((f) => f.includes('Acme Corp') && !f.includes('Customer ID'));
    expect(app.emulator.requests().filter((r) => r.method !== 'GET')).toEqual([]);
  });

  test('prepaid order: a typed amount makes Esc ask too', async () => {
    using app = openPrepaidForm();
    await app.waitFor('> Amount');
    app.press('25');
    await app.waitFor(/Amount\s+25/);
    app.press(KEYS.esc);
    await app.waitFor('Discard changes? y/N');
    app.press(KEYS.enter);
    await app.waitFor((f) => !f.includes('Discard changes?') && /Amount\s+25/.test(f));
  });
});
