import { createEmulator } from '@amberkit/testing';
import { describe, expect, test } from 'vitest';
import { API_KEY, atCustomer, inProcessClient, KEYS, startApp } from '../test-support/harness.js';

type App = ReturnType<typeof startApp>;

/** Moves the form's focus to the field labelled `label` (one ↓ at a time, waiting for each). */
async function focus(app: App, label: string) {
  for (let i = 0; i < 30; i++) {
    if (app.frame().includes(`> ${label}`)) return;
    app.press(KEYS.down);
    await app.waitFor((f) => f !== '');
  }
  await app.waitFor(`> ${label}`);
}

async function typeInto(app: App, label: string, text: string) {
  await focus(app, label);
  app.press(text);
  await app.waitFor(text);
}

const posts = (app: App) =>
  app.emulator.requests().filter((r) => r.method === 'POST' || r.method === 'PUT');

describe('new customer form', () => {
  test('refuses to send an invalid customer and marks every bad field', async () => {
    using app = startApp();
    await app.waitFor('Acme Corp');
    app.press('n');
    await app.waitFor('> Customer ID');
    await typeInto(app, 'Email', 'not-an-email');
    await typeInto(app, 'City', 'Lisbon');
    await focus(app, '[ Create');
    app.press(KEYS.enter);
    const frame = await app.waitFor('nothing was sent');
    expect(frame).toMatch(/Customer ID\s*\n\s+✗ .+/);
    expect(frame).toMatch(/Name\s*\n\s+✗ .+/);
    expect(frame).toMatch(/Email\s+not-an-email\s*\n\s+✗ .+/);
    expect(frame).toMatch(/Address line 1\s*\n\s+✗ .+/);
    expect(frame).toMatch(/Address line 1\s*\n\s+✗ is required/);
    expect(frame).toMatch(/Name\s*\n\s+✗ is required/);
    expect(frame).not.toContain('must be a string');
    expect(posts(app)).toHaveLength(0);
  });

  test('creates a customer with stage, traits, address and the Stripe option', async () => {
    using app = startApp();
    await app.waitFor('Acme Corp');
    app.press('n');
    await app.waitFor('> Customer ID');
    await typeInto(app, 'Customer ID', 'cust-new-1');
    await typeInto(app, 'Name', 'New Co');
    await typeInto(app, 'Email', 'ap@new.example');
    await focus(app, 'Lifecycle stage');
    app.press(KEYS.right);
    await app.waitFor('[ONBOARDING]');
    app.press(KEYS.right);
    app.press(KEYS.right);
    await app.waitFor('[ACTIVE]');
    await typeInto(app, 'Traits (key=value)', 'tier=gold');
    // Typing into the last trait line opened another one below it.
    app.press(KEYS.down);
    await app.waitFor((f) => /tier=gold\s*\n> /.test(f));
    app.press('region=eu');
    await app.waitFor('region=eu');
    await typeInto(app, 'Address line 1', '1 Main St');
    await typeInto(app, 'City', 'Lisbon');
    await typeInto(app, 'Country', 'PT');
    await focus(app, 'Also create in Stripe');
    app.press(' ');
    await app.waitFor(/Also create in Stripe\s+\[x\]/);
    app.press(KEYS.down);
    await app.waitFor('> [ Create');
    app.press(KEYS.enter);
    await app.waitFor('Created cust-new-1');
    await app.waitFor('34 of 34');
    const created = app.emulator
      .snapshot(API_KEY)
      .customers.find((c) => c.customerId === 'cust-new-1');
    expect(created).toMatchObject({
      customerName: 'New Co',
      customerEmail: 'ap@new.example',
      lifecycleStage: 'ACTIVE',
      traits: { tier: 'gold', region: 'eu' },
      address: { line1: '1 Main St', city: 'Lisbon', country: 'PT' },
    });
    const post = app.emulator
      .requests()
      .find((r) => r.method === 'POST' && r.path === '/customers');
    expect(post?.query.autoCreateCustomerInStripe).toBeDefined();
  });

  test('typing q in a field types a q instead of quitting', async () => {
    using app = startApp();
    await app.waitFor('Acme Corp');
    app.press('n');
    await app.waitFor('> Customer ID');
    app.press('q');
    await app.waitFor(/Customer ID\s+q/);
    app.press(':');
    app.press('?');
    const frame = await app.waitFor(/Customer ID\s+q:\?/);
    expect(frame).not.toContain('Keys of this view');
  });

  test('off a text field the footer offers ? help and q quit, and ? lists the form keys', async () => {
    using app = startApp();
    await app.waitFor('Acme Corp');
    app.press('n');
    let frame = await app.waitFor('> Customer ID');
    expect(frame).toContain('ctrl+c quit');
    expect(frame).not.toContain('? help');
    await focus(app, 'Test account');
    frame = await app.waitFor('? help');
    expect(frame).toContain('q quit');
    app.press('?');
    frame = await app.waitFor('Keys of this view');
    expect(frame).toContain('toggle');
    expect(frame).toContain('next field');
  });

  test('a trait line without = is refused', async () => {
    using app = startApp();
    await app.waitFor('Acme Corp');
    app.press('n');
    await app.waitFor('> Customer ID');
    await typeInto(app, 'Customer ID', 'cust-x');
    await typeInto(app, 'Name', 'X');
    await typeInto(app, 'Traits (key=value)', 'justakey');
    await focus(app, '[ Create');
    app.press(KEYS.enter);
    await app.waitFor('write traits as key=value');
    expect(posts(app)).toHaveLength(0);
  });
});

describe('edit customer form', () => {
  const atAcme = atCustomer('customer-123456');

  test('sends the whole record and shows the change', async () => {
    using app = startApp({ initialView: atAcme });
    await app.waitFor('Lifecycle stage');
    app.press('e');
    await app.waitFor('Edit customer-123456');
    await focus(app, 'Description');
    app.press('Key account');
    await app.waitFor('Key account');
    await focus(app, '[ Save');
    app.press(KEYS.enter);
    await app.waitFor('Saved customer-123456');
    const frame = await app.waitFor(/Description\s+Key account/);
    expect(frame).toMatch(/Email\s+billing@acme.com/);
    const saved = app.emulator
      .snapshot(API_KEY)
      .customers.find((c) => c.customerId === 'customer-123456');
    expect(saved).toMatchObject({
      customerName: 'Acme Corp',
      customerEmail: 'billing@acme.com',
      description: 'Key account',
      lifecycleStage: 'ACTIVE',
    });
  });

  test('Ctrl and Alt keys in a field never type their letter into the saved record', async () => {
    using app = startApp({ initialView: atAcme });
    await app.waitFor('Lifecycle stage');
    app.press('e');
    await app.waitFor('Edit customer-123456');
    await focus(app, 'Name');
    // Ctrl+W takes the last word, as in a shell; Ctrl+B, Ctrl+O and Alt+B change nothing.
    for (const key of ['\u0017', '\u0002', '\u000f', '\u001bb']) app.press(key);
    app.press('Group');
    await app.waitFor(/Name\s+Acme Group/);
    await focus(app, '[ Save');
    app.press(KEYS.enter);
    await app.waitFor('Saved customer-123456');
    const saved = app.emulator
      .snapshot(API_KEY)
      .customers.find((c) => c.customerId === 'customer-123456');
    expect(saved?.customerName).toBe('Acme Group');
  });

  test('a failed save keeps the form as it was and shows the server message', async () => {
    using app = startApp({ initialView: atAcme });
    await app.waitFor('Lifecycle stage');
    app.press('e');
    await app.waitFor('Edit customer-123456');
    await typeInto(app, 'Name', ' International');
    app.emulator.setFaults([{ method: 'PUT', path: '/customers', status: 503 }]);
    await focus(app, '[ Save');
    app.press(KEYS.enter);
    const frame = await app.waitFor('HTTP 503');
    expect(frame).toContain('Acme Corp International');
    expect(frame).toContain('Edit customer-123456');
    app.emulator.setFaults([]);
    app.press(KEYS.enter);
    await app.waitFor('Saved customer-123456');
    await app.waitFor('Acme Corp International');
  });

  test('an untouched save keeps traits with = in keys, spaces in values, and adds no test field', async () => {
    const { emulator, client } = inProcessClient(
      createEmulator({ accounts: [API_KEY], dataset: 'demo', seed: 1 }),
    );
    const record = {
      customerId: 'odd-traits',
      customerName: 'Odd Traits',
      traits: { 'utm=source': 'google', note: '  two  spaces ' },
    };
    await client.customers.create(record);
    using app = startApp({ emulator, initialView: atCustomer('odd-traits') });
    await app.waitFor('Lifecycle stage');
    app.press('e');
    await app.waitFor('Edit odd-traits');
    await focus(app, '[ Save');
    app.press(KEYS.enter);
    await app.waitFor('Saved odd-traits');
    const put = app.emulator.requests().find((r) => r.method === 'PUT');
    expect(put).toBeDefined();
    const saved = app.emulator
      .snapshot(API_KEY)
      .customers.find((c) => c.customerId === 'odd-traits');
    expect(saved?.traits).toEqual(record.traits);
    expect(saved).not.toHaveProperty('test');
  });
});
