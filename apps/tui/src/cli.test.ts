import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { emulatorEnv } from './commands/test-support/emulator-env.js';
import { runCli } from './commands/test-support/run-cli.js';
import { tempDir } from './commands/test-support/temp-dir.js';
import { writeConfigFile } from './config/file.js';

const version = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'))
  .version as string;

/** Each case gets an empty config home, so no developer config leaks in. */
async function run(args: string[], env: Record<string, string> = {}) {
  await using home = await tempDir();
  return runCli(args, { env: { XDG_CONFIG_HOME: home.path, ...env } });
}

describe('amberkit (the built bin, as a process)', () => {
  test('--version prints the package version; a leading -- is ignored', async () => {
    for (const args of [['--version'], ['--', '--version']]) {
      const result = await run(args);
      expect(result).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
    }
  });

  test('--help lists every command; per-command help too', async () => {
    const global = await run(['--help']);
    expect(global.code).toBe(0);
    for (const name of [
      'customers list',
      'customers delete',
      'invoices list',
      'prepaid create',
      'plans assign',
      'login',
      'profiles list',
    ]) {
      expect(global.stdout).toContain(name);
    }
    const command = await run(['--', 'customers', 'update', '--help']);
    expect(command.code).toBe(0);
    expect(command.stdout).toMatch(/^Usage: amberkit customers update <id>/);
    expect(command.stdout).toContain('--address-city');
    const word = await run(['help', 'prepaid', 'create']);
    expect(word.stdout).toMatch(/^Usage: amberkit prepaid create/);
  });

  test('a group with --help (or -h, or after help) lists its commands, one line each; exit 0', async () => {
    const customers = [
      'Usage: amberkit customers <command> [flags]',
      '',
      'Commands:',
      '  list    List customers',
      '  get     Show one customer',
      '  create  Create a customer',
      '  update  Change a customer (sends the whole record)',
      '  delete  Delete a customer (asks to type the id, or --yes)',
      '',
      'Run `amberkit customers <command> --help` for its flags.',
      '',
    ].join('\n');
    for (const args of [
      ['customers', '--help'],
      ['customers', '-h'],
      ['--', 'customers', '--help'],
      ['help', 'customers'],
      ['--help', 'customers'],
    ]) {
      expect(await run(args), args.join(' ')).toEqual({ code: 0, stdout: customers, stderr: '' });
    }
    for (const [group, line] of [
      ['invoices', "  list  List a customer's invoices"],
      ['prepaid', '  create  Create a prepaid credit order'],
      ['plans', '  assign  Assign a pricing plan to a customer'],
      ['profiles', '  use     Make a profile the default'],
    ] as const) {
      const result = await run([group, '--help']);
      expect(result.code, group).toBe(0);
      expect(result.stdout.split('\n'), group).toContain(line);
    }
    // A subcommand named after the flag still gets its own help, as kubectl and gh do.
    const command = await run(['customers', '--help', 'get']);
    expect(command.code).toBe(0);
    expect(command.stdout).toMatch(/^Usage: amberkit customers get <id>/);
  });

  test('a group without a subcommand (or with an unknown one): one line naming its actions; exit 2', async () => {
    const bare = await run(['customers']);
    expect(bare.code).toBe(2);
    expect(bare.stdout).toBe('');
    expect(bare.stderr).toBe(
      "amberkit: customers needs a subcommand (one of: list, get, create, update, delete); run 'amberkit customers --help'\n",
    );
    const unknown = await run(['customers', 'bogus']);
    expect(unknown.code).toBe(2);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toBe(
      "amberkit: customers has no subcommand 'bogus' (one of: list, get, create, update, delete); run 'amberkit customers --help'\n",
    );
    // --help on the group still lists its commands, on stdout, exit 0.
    const help = await run(['customers', '--help']);
    expect(help.code).toBe(0);
    expect(help.stderr).toBe('');
    expect(help.stdout).toContain('  delete  Delete a customer (asks to type the id, or --yes)');
  });

  test('--timeout before the command without its value: one line naming the flag, exit 2', async () => {
    const result = await run(['--timeout', 'customers', 'list']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      "amberkit: --timeout needs a number of seconds (30, 2.5) or a duration (500ms, 10s, 2m, 1h), not 'customers'\n",
    );
  });

  test('an unknown flag or command is one line and exit 2', async () => {
    for (const args of [['--bogus'], ['customers', 'list', '--bogus'], ['frobnicate']]) {
      const result = await run(args);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(result.stderr).toMatch(/^amberkit: /);
    }
  });

  test('bare amberkit without a terminal explains the scriptable commands and exits 2', async () => {
    const result = await run([], {
      AMBERKIT_BASE_URL: 'http://127.0.0.1:1',
      AMBERKIT_API_KEY: 'k-1234',
    });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('needs a terminal');
    expect(result.stderr).toContain('amberkit customers list --json');
    expect(result.stderr).not.toContain('Raw mode');
  });

  test('no connection configured: one line on how to connect, exit 2', async () => {
    const result = await run(['customers', 'list']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^amberkit: no API key: pass --api-key, set AMBERKIT_API_KEY/);
  });

  test('a corrupt config file is one line naming the file, no stack (unless AMBERKIT_DEBUG)', async () => {
    await using home = await tempDir();
    const file = join(home.path, 'amberkit', 'config.json');
    await writeConfigFile(file, { profiles: {} });
    await writeFile(file, '{"profiles": [');
    const env = { XDG_CONFIG_HOME: home.path };
    const result = await runCli(['customers', 'list'], { env });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `amberkit: config file ${file} is not valid JSON; fix or remove it\n`,
    );
    const debug = await runCli(['customers', 'list'], { env: { ...env, AMBERKIT_DEBUG: '1' } });
    expect(debug.stderr).toMatch(/\n\s+at /);
  });

  test('a base URL with user:password@, a ?query or a #fragment: exit 2, one line naming the setting, password masked, nothing sent', async () => {
    await using ctx = await emulatorEnv();
    const hostPort = ctx.server.url.replace(/^http:\/\//, '');
    const withPassword = `http://user:hunter2pw@${hostPort}`;
    const cases: { args: string[]; env: Record<string, string>; line: string }[] = [
      {
        args: ['customers', 'list'],
        env: { AMBERKIT_BASE_URL: withPassword },
        line: `amberkit: AMBERKIT_BASE_URL: invalid base URL 'http://user:***@${hostPort}': must not hold user:password@ (the key goes in --api-key or AMBERKIT_API_KEY)\n`,
      },
      {
        args: ['customers', 'list', '--base-url', `${ctx.server.url}?x=1`],
        env: {},
        line: `amberkit: --base-url: invalid base URL '${ctx.server.url}?x=1': must not hold a ?query or #fragment (every API path is appended to it)\n`,
      },
      {
        args: ['customers', 'list', '--base-url', `${ctx.server.url}#frag`],
        env: {},
        line: `amberkit: --base-url: invalid base URL '${ctx.server.url}#frag': must not hold a ?query or #fragment (every API path is appended to it)\n`,
      },
      {
        args: ['customers', 'list', '--base-url', `${ctx.server.url}?`],
        env: {},
        line: `amberkit: --base-url: invalid base URL '${ctx.server.url}?': must not hold a ?query or #fragment (every API path is appended to it)\n`,
      },
    ];
    for (const { args, env, line } of cases) {
      const result = await runCli(args, { env: { ...ctx.env, ...env } });
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toBe(line);
    }
    // A profile is checked by the same rule when it is saved.
    const login = await runCli(
      ['login', '--profile', 'p', '--base-url', withPassword, '--api-key', 'k'],
      { env: ctx.env },
    );
    expect(login.code).toBe(2);
    expect(login.stderr).toBe(
      'amberkit: invalid input: baseUrl (--base-url): must not hold user:password@ (the key goes in --api-key or AMBERKIT_API_KEY)\n',
    );
    expect(ctx.emulator.requests()).toEqual([]);
  });
});
