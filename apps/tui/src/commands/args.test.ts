import { describe, expect, test } from 'vitest';
import { parseCommandArgs } from './args.js';
import { SubcommandError, UsageError } from './errors.js';
import { findCommand } from './registry.js';
import { splitArgv } from './split-argv.js';

describe('splitArgv', () => {
  test('drops a leading --, keeps global flags (with values) apart from the words', () => {
    expect(splitArgv(['--', '--profile', 'prod', 'customers', 'list', '--json'])).toEqual({
      globals: ['--profile', 'prod'],
      words: ['customers', 'list', '--json'],
    });
    expect(splitArgv(['--read-only', '--base-url=http://x'])).toEqual({
      globals: ['--read-only', '--base-url=http://x'],
      words: [],
    });
  });

  test('every connection flag that takes a value keeps it: --timeout 5 is not a command', () => {
    expect(splitArgv(['--timeout', '5', '--api-key', 'k', 'customers', 'list'])).toEqual({
      globals: ['--timeout', '5', '--api-key', 'k'],
      words: ['customers', 'list'],
    });
  });

  test('a value flag missing its value is named, not read as taking the command', () => {
    const timeout =
      "--timeout needs a number of seconds (30, 2.5) or a duration (500ms, 10s, 2m, 1h), not 'customers'";
    expect(() => splitArgv(['--timeout', 'customers', 'list'])).toThrow(new UsageError(timeout));
    expect(() => splitArgv(['--timeout', 'soon'])).toThrow(/^--timeout needs a number/);
    for (const value of ['5', '2.5', '.5', '500ms', '10s', '2m', '1H'])
      expect(splitArgv(['--timeout', value, 'customers', 'list']).words).toEqual([
        'customers',
        'list',
      ]);
    expect(() => splitArgv(['--base-url', 'customers', 'list'])).toThrow(
      new UsageError("--base-url needs a value: 'customers' after it is a command"),
    );
    expect(() => splitArgv(['--profile', 'invoices', 'list', '--customer', 'c'])).toThrow(
      /^--profile needs a value/,
    );
    // A profile may be named like a command, when a command follows it.
    expect(splitArgv(['--profile', 'customers', 'customers', 'list'])).toEqual({
      globals: ['--profile', 'customers'],
      words: ['customers', 'list'],
    });
  });
});

describe('parseCommandArgs', () => {
  const options = { name: { type: 'string' }, json: { type: 'boolean' } } as const;
  const spec = { command: 'customers get', positionals: ['id'] };

  test('parses flags and positionals', () => {
    const args = parseCommandArgs(['c-1', '--name', 'Acme', '--json'], options, spec);
    expect(args.positionals).toEqual(['c-1']);
    expect(args.string('name')).toBe('Acme');
    expect(args.flag('json')).toBe(true);
  });

  test('an unknown flag is one line naming it and the command', () => {
    const run = () => parseCommandArgs(['c-1', '--nope'], options, spec);
    expect(run).toThrow(UsageError);
    expect(run).toThrow("unknown option '--nope' for `amberkit customers get` (see --help)");
  });

  test('a missing value and a wrong argument count are usage errors that echo no value', () => {
    expect(() => parseCommandArgs(['c-1', '--name'], options, spec)).toThrow(
      "option '--name' needs a value",
    );
    expect(() => parseCommandArgs([], options, spec)).toThrow('missing argument');
    const error = (() => {
      try {
        parseCommandArgs(['c-1', 'sk_secret_value'], options, spec);
      } catch (e) {
        return e as Error;
      }
    })();
    expect(error?.message).toBe('too many arguments for `amberkit customers get` (expected <id>)');
  });
});

describe('a flag value that starts with -', () => {
  const options = { amount: { type: 'string' }, json: { type: 'boolean' } } as const;
  const spec = { command: 'prepaid create' };

  test('is a usage error that says to write --flag=VALUE, without echoing the value', () => {
    const error = (() => {
      try {
        parseCommandArgs(['--amount', '-5'], options, spec);
      } catch (e) {
        return e as Error;
      }
    })();
    expect(error).toBeInstanceOf(UsageError);
    expect(error?.message).toBe(
      "option '--amount' needs a value; write --amount=VALUE for a value starting with '-' " +
        'for `amberkit prepaid create` (see --help)',
    );
    expect(error?.message).not.toContain('does not take a value');
    expect(error?.message).not.toContain('-5');
  });

  test('written --flag=-5 it is taken as the value; a boolean given a value still says so', () => {
    expect(parseCommandArgs(['--amount=-5'], options, spec).string('amount')).toBe('-5');
    expect(() => parseCommandArgs(['--json=1'], options, spec)).toThrow(
      "option '--json' does not take a value",
    );
  });
});

describe('findCommand', () => {
  test('finds one- and two-word commands', () => {
    expect(findCommand(['customers', 'get', 'c-1']).command.name).toBe('customers get');
    expect(findCommand(['customers', 'get', 'c-1']).rest).toEqual(['c-1']);
    expect(findCommand(['login', '--profile', 'x']).command.name).toBe('login');
  });

  test('unknown words are usage errors; a group without its subcommand names the group', () => {
    expect(() => findCommand(['nope'])).toThrow("unknown command 'nope'");
    const bare = (() => {
      try {
        return findCommand(['customers']);
      } catch (error) {
        return error;
      }
    })();
    expect(bare).toBeInstanceOf(SubcommandError);
    expect(bare).toMatchObject({
      message:
        "customers needs a subcommand (one of: list, get, create, update, delete); run 'amberkit customers --help'",
      group: 'customers',
    });
    expect(() => findCommand(['customers', 'frobnicate'])).toThrow(
      "has no subcommand 'frobnicate'",
    );
  });
});
