import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { builtAfterSources } from '../../../../dist-freshness.js';

/** A package-like folder: src/ with a module, a test and a test helper, and a built file. */
function scratchPackage() {
  const dir = mkdtempSync(join(tmpdir(), 'amberkit-freshness-'));
  mkdirSync(join(dir, 'src', 'test'), { recursive: true });
  mkdirSync(join(dir, 'dist'));
  const at = (path: string, seconds: number) => {
    writeFileSync(join(dir, path), '');
    utimesSync(join(dir, path), seconds, seconds);
  };
  return { dir, at, [Symbol.dispose]: () => rmSync(dir, { recursive: true, force: true }) };
}

describe('which dist ensureBuilt and assertCoreBuilt take as fresh', () => {
  test('a test or a src/test helper edited after the build leaves it fresh; a module does not', () => {
    using p = scratchPackage();
    p.at('src/proxy.ts', 1_000);
    p.at('dist/cli.js', 2_000);
    p.at('src/proxy.test.ts', 3_000);
    p.at('src/test/helper.ts', 3_000);
    const fresh = () => builtAfterSources(join(p.dir, 'dist', 'cli.js'), join(p.dir, 'src'));
    expect(fresh()).toBe(true);
    p.at('src/proxy.ts', 3_000);
    expect(fresh()).toBe(false);
    // No build at all is not fresh either.
    expect(builtAfterSources(join(p.dir, 'dist', 'none.js'), join(p.dir, 'src'))).toBe(false);
  });
});
