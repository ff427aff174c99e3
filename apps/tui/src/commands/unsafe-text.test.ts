import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildCustomer } from '@amberkit/testing';
import { describe, expect, test } from 'vitest';
import { API_KEY, sharedEmulatorEnv } from './test-support/emulator-env.js';
import { runCli } from './test-support/run-cli.js';

const shared = sharedEmulatorEnv();
const cli = (args: string[]) => runCli(args, { env: shared().env });

const ESC = '\u001b';
const NAMES = {
  'aa-evil1': `Evil${ESC}[31mRED${ESC}[0m\nline2\ttab`,
  'aa-evil2': `X${ESC}]0;PWNED\u0007Y`,
  'aa-evil3': 'C1 \u009b31m DEL \u007f bidi \u202egnp.exe',
} as const;
const SHOWN = {
  'aa-evil1': 'Evil\\x1b[31mRED\\x1b[0m\\nline2\\ttab',
  'aa-evil2': 'X\\x1b]0;PWNED\\x07Y',
  'aa-evil3': 'C1 \\x9b31m DEL \\x7f bidi \\u{202e}gnp.exe',
} as const;
/** What a terminal could obey, other than the newline that ends each line. */
const OBEYED = /(?!\n)[\p{Cc}\u202a-\u202e\u2066-\u2069\u2028\u2029]/u;

function loadHostile() {
  shared().emulator.load(API_KEY, {
    customers: Object.entries(NAMES).map(([customerId, customerName]) =>
      buildCustomer({
        customerId,
        customerName,
        description: `desc${ESC}[2J`,
        traits: { [`k${ESC}[1m`]: `v\u0007` },
      }),
    ),
    invoices: [
      {
        invoiceId: `inv${ESC}[5m`,
        customerId: 'aa-evil1',
        startTime: 1_735_689_600,
        endTime: 1_738_368_000,
        totalAmount: 5,
        currency: 'USD',
        status: 'PAID',
      },
    ],
  });
}

describe('server text reaches the terminal as text (the built CLI against the emulator)', () => {
  test('customers list: every name on its own row, escapes visible, nothing raw', async () => {
    loadHostile();
    const result = await cli(['customers', 'list']);
    expect(result.code).toBe(0);
    expect(result.stdout).not.toMatch(OBEYED);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(shared().emulator.snapshot().customers.length + 1);
    for (const [id, shown] of Object.entries(SHOWN)) {
      expect(lines.find((line) => line.startsWith(id))).toContain(shown);
    }
  });

  test('customers get: name, description and traits shown with escapes', async () => {
    loadHostile();
    const result = await cli(['customers', 'get', 'aa-evil1']);
    expect(result.code).toBe(0);
    expect(result.stdout).not.toMatch(OBEYED);
    expect(result.stdout).toContain(`Name         ${SHOWN['aa-evil1']}\n`);
    expect(result.stdout).toContain('desc\\x1b[2J');
    expect(result.stdout).toContain('k\\x1b[1m=v\\x07');
  });

  test('invoices list: the invoice id shown with escapes', async () => {
    loadHostile();
    const result = await cli(['invoices', 'list', '--customer', 'aa-evil1']);
    expect(result.code).toBe(0);
    expect(result.stdout).not.toMatch(OBEYED);
    expect(result.stdout).toMatch(/inv\\x1b\[5m .+\$5\.00 +PAID\n/);
  });

  test('--json is the exact data, with nothing a terminal obeys left raw', async () => {
    loadHostile();
    const result = await cli(['customers', 'list', '--json']);
    expect(result.code).toBe(0);
    expect(result.stdout).not.toMatch(OBEYED);
    const listed = JSON.parse(result.stdout) as { customerId: string; customerName: string }[];
    for (const [id, name] of Object.entries(NAMES)) {
      expect(listed.find((c) => c.customerId === id)?.customerName).toBe(name);
    }
    expect(result.stdout).toContain('\\u009b31m DEL \\u007f bidi \\u202egnp.exe');
  });

  test("a server's error message is one line on stderr, its controls shown", async () => {
    const server = createServer((_request, response) => {
      response.writeHead(400, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({ message: `bad ${ESC}]0;PWNED\u0007 input\nsecond line`, code: 'BAD' }),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const result = await runCli(['customers', 'list'], {
        env: { AMBERKIT_BASE_URL: `http://127.0.0.1:${port}`, AMBERKIT_API_KEY: API_KEY },
      });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/^amberkit: [^\n]+\n$/);
      expect(result.stderr.slice(0, -1)).not.toMatch(OBEYED);
      expect(result.stderr).toContain('bad \\x1b]0;PWNED\\x07 input');
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
