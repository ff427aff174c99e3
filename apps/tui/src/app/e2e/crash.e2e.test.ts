import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, test } from 'vitest';

const ENTER = '\u001b[?1049h';
const LEAVE = '\u001b[?1049l';
const child = fileURLToPath(new URL('./crash-child.tsx', import.meta.url));
const packageDir = fileURLToPath(new URL('../../../', import.meta.url));

describe('a crash while the UI is up', () => {
  test('gives the screen back, says one line without a stack or a key, and exits 1', () => {
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', '--conditions=@amberkit/source', child],
      {
        encoding: 'utf8',
        cwd: packageDir, // where tsx resolves from
        env: { ...process.env, CI: 'false', NODE_ENV: 'production' },
        timeout: 60_000,
      },
    );
    expect(run.status, run.stderr.slice(0, 2000)).toBe(1);
    const screen = run.stdout;
    expect(screen.startsWith(ENTER), run.stderr.slice(0, 2000)).toBe(true);
    // The customers list was drawn, then the alternate screen was left after the last frame.
    expect(screen).toContain('of 33');
    expect(screen.lastIndexOf(LEAVE)).toBeGreaterThan(screen.lastIndexOf('of 33'));
    // Cursor-show sequences (Ink's cli-cursor) aside, stderr is one plain line.
    const errors = stripVTControlCharacters(run.stderr).trim().split('\n');
    expect(errors).toEqual(['amberkit: boom: a bug nobody caught (***, ***)']);
  });
});
