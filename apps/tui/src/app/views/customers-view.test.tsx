import { buildCustomer } from '@amberkit/testing';
import stringWidth from 'string-width';
import { describe, expect, test } from 'vitest';
import { API_KEY, KEYS, startApp } from '../test-support/harness.js';

describe('customers list', () => {
  test('shows the header with profile, endpoint and the EMULATOR badge, never the key', async () => {
    using app = startApp();
    const frame = await app.waitFor('[EMULATOR]');
    expect(frame).toContain('profile test');
    expect(frame).toContain('http://emulator.test');
    expect(frame).not.toContain('tui-test-key');
  });

  test('lists customers with id, name, email, stage and created date, > on the selected row', async () => {
    using app = startApp();
    const frame = await app.waitFor('Acme Corp');
    expect(frame).toMatch(/ID ↑\s+NAME\s+EMAIL\s+STAGE\s+CREATED/);
    expect(frame).toContain('33 of 33');
    const acme = frame.split('\n').find((line) => line.includes('customer-123456'));
    expect(acme).toContain('billing@acme.com');
    expect(acme).toContain('ACTIVE');
    expect(acme).toMatch(/20\d\d/);
    expect(frame.split('\n').filter((line) => line.startsWith('> '))).toHaveLength(1);
  });

  test('/ filters by id, name or email; Enter applies, Esc clears', async () => {
    using app = startApp();
    await app.waitFor('Acme Corp');
    app.press('/');
    await app.waitFor('/ ');
    app.press('acme');
    let frame = await app.waitFor('2 of 33');
    expect(frame).toContain('Acme Ltd');
    app.press('.com');
    frame = await app.waitFor('1 of 33');
    expect(frame).not.toContain('Acme Ltd');
    app.press(KEYS.enter);
    frame = await app.waitFor('filter “acme.com”');
    expect(frame).toContain('> customer-123456');
    app.press(KEYS.esc);
    frame = await app.waitFor('33 of 33');
    expect(frame).not.toContain('filter “acme.com”');
  });

  test('a filter that matches nothing says so', async () => {
    using app = startApp();
    await app.waitFor('Acme Corp');
    app.press('/');
    await app.waitFor('/ ');
    app.press('zzzz-no-such');
    await app.waitFor('No customer matches “zzzz-no-such”');
  });

  test('Enter opens the selected customer and Esc comes back to the same row', async () => {
    using app = startApp();
    await app.waitFor('Acme Corp');
    app.press('/');
    await app.waitFor('/ ');
    app.press('DEMO-00005');
    await app.waitFor('1 of 33');
    app.press(KEYS.enter);
    await app.waitFor('filter “DEMO-00005”');
    app.press(KEYS.enter);
    const frame = await app.waitFor('Lifecycle stage');
    expect(frame).toContain('Customers › demo-00005');
    expect(frame).toContain('Acme Ltd');
    app.press(KEYS.esc);
    await app.waitFor((f) => f.includes('filter “DEMO-00005”') && f.includes('> demo-00005'));
  });

  test('the selection stays on the same customer when the filter is cleared or the sort changes', async () => {
    using app = startApp();
    await app.waitFor('Acme Corp');
    const selected = (frame: string) => frame.split('\n').find((line) => line.startsWith('> '));
    app.press('/');
    await app.waitFor('/ ');
    app.press('acme');
    await app.waitFor('2 of 33');
    app.press(KEYS.enter);
    await app.waitFor('filter “acme”');
    app.press('j');
    let frame = await app.waitFor((f) => selected(f)?.includes('demo-00005') === true);
    // Esc clears the filter: the cursor must still be on the customer the person picked.
    app.press(KEYS.esc);
    frame = await app.waitFor('33 of 33');
    expect(selected(frame)).toContain('demo-00005');
    // Sorting reorders the rows, not the selection.
    app.press('s');
    frame = await app.waitFor('NAME ↑');
    expect(selected(frame)).toContain('demo-00005');
    app.press('S');
    frame = await app.waitFor('NAME ↓');
    expect(selected(frame)).toContain('demo-00005');
    app.press(KEYS.enter);
    frame = await app.waitFor('Lifecycle stage');
    expect(frame).toContain('Customers › demo-00005');
  });

  test('the id column fits the ids, so a narrow terminal still shows each id whole', async () => {
    using app = startApp({ columns: 60 });
    const frame = await app.waitFor('33 of 33');
    expect(frame).toMatch(/^[> ] customer-123456 /m);
    expect(frame).toMatch(/^[> ] demo-00001 /m);
  });

  test('wide (CJK, emoji) names keep every column at the same display column, cut whole', async () => {
    using app = startApp({ dataset: 'empty', columns: 80 });
    const names = [
      ['aa-jp', '株式会社サンプル東京支店営業部'],
      ['aa-emoji', '🍰 Cake 👩‍👩‍👧 Family 🇯🇵 Shop'],
      ['aa-kana', 'ｻﾝﾌﾟﾙ 한국 Café'],
      ['aa-plain', 'Plain Co'],
    ] as const;
    app.emulator.load(API_KEY, {
      customers: names.map(([customerId, customerName]) =>
        buildCustomer({
          customerId,
          customerName,
          customerEmail: `${customerId}@x.example`,
          lifecycleStage: 'ACTIVE',
        }),
      ),
    });
    app.press('r');
    const frame = await app.waitFor('4 of 4');
    const lines = frame.split('\n');
    const at = (line: string, text: string) => stringWidth(line.slice(0, line.indexOf(text)));
    const header = lines.find((line) => line.includes('EMAIL')) ?? '';
    for (const [id] of names) {
      const row = lines.find((line) => line.includes(`${id}@`)) ?? '';
      expect(at(row, `${id}@`), row).toBe(at(header, 'EMAIL'));
      expect(at(row, 'ACTIVE'), row).toBe(at(header, 'STAGE'));
      expect(stringWidth(row)).toBeLessThanOrEqual(80);
    }
    // Too long for the name column: cut at a character boundary, marked with an ellipsis.
    expect(frame).toMatch(/ 株式会社[^ ]*…/);
  });
});
