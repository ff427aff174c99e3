import { existsSync } from 'node:fs';
import { afterAll, describe, expect, test } from 'vitest';
import { Tmux } from './tmux.js';

Tmux.assertInstalled();
const tmux = new Tmux();
afterAll(() => tmux.kill());

describe('Tmux', () => {
  test('records each session’s exit status and leaves no status file behind', async () => {
    const files: string[] = [];
    for (const [session, code] of [
      ['first', '0'],
      ['second', '3'],
    ] as const) {
      // Waits for a key, so the session is still there when start() sets it up.
      tmux.start(['sh', '-c', `read line; exit ${code}`], 40, 5, session);
      files.push(tmux.statusFile);
      tmux.key('Enter');
      expect(await tmux.exitStatus()).toBe(code);
    }
    expect(new Set(files).size).toBe(2);
    expect(files.every((file) => existsSync(file))).toBe(true);
    tmux.kill();
    expect(files.filter((file) => existsSync(file))).toEqual([]);
  });
});
