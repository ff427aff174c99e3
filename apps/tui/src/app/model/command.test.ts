import { describe, expect, test } from 'vitest';
import { parseCommand } from './command.js';

describe('parseCommand', () => {
  test('reads the k9s-style commands', () => {
    expect(parseCommand('customers')).toEqual({ kind: 'customers' });
    expect(parseCommand('  customer   a/b ')).toEqual({ kind: 'customer', id: 'a/b' });
    expect(parseCommand('q')).toEqual({ kind: 'quit' });
    expect(parseCommand('quit')).toEqual({ kind: 'quit' });
  });

  test('says what is wrong with anything else', () => {
    expect(parseCommand('customer')).toMatchObject({
      kind: 'invalid',
      message: expect.stringContaining('needs an id'),
    });
    expect(parseCommand('')).toMatchObject({
      kind: 'invalid',
      message: expect.stringContaining(':customers'),
    });
    expect(parseCommand('rm -rf')).toMatchObject({
      kind: 'invalid',
      message: expect.stringContaining('Unknown command :rm'),
    });
  });
});
