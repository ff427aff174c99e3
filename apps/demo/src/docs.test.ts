import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { REPO_ROOT } from './test-support/demo-process.js';

const read = (file: string) => readFileSync(join(REPO_ROOT, file), 'utf8');
const PUBLISHED = ['packages/core', 'packages/testing', 'apps/proxy', 'apps/tui'];

/** Relative links of a markdown file, without anchors or outside URLs. */
function localLinks(file: string): string[] {
  return [...read(file).matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)]
    .map((m) => m[1]!)
    .filter((target) => !/^[a-z]+:/.test(target));
}

describe('documentation a newcomer relies on', () => {
  test.each(['README.md', 'docs/README.md', 'CONTRIBUTING.md'])(
    'every local link in %s resolves',
    (file) => {
      const broken = localLinks(file).filter(
        (target) => !existsSync(join(REPO_ROOT, dirname(file), target)),
      );
      expect(broken).toEqual([]);
    },
  );

  test.each(PUBLISHED)('%s has a README with install, an example and its API', (dir) => {
    const readme = read(`${dir}/README.md`);
    const { name } = JSON.parse(read(`${dir}/package.json`)) as { name: string };
    expect(readme).toContain(name);
    expect(readme).toMatch(/```(sh|bash)\n[\s\S]*?(npm i|pnpm add|npx)/);
    expect(readme).toMatch(/```(ts|tsx|sh)\n/);
  });

  test('the frontend pages cover what the issue lists', () => {
    const proxy = read('docs/proxy.md');
    for (const topic of [
      /systemd|pm2/,
      /docker|podman|container/i,
      /wrangler@?4\.86/,
      /\bBun\b/,
      /\bDeno\b/,
      /AMBERKIT_KEYS/,
      /REDIS_URL/,
    ]) {
      expect(proxy).toMatch(topic);
    }
    expect(read('docs/tui.md')).toMatch(/profiles?/i);
    expect(read('docs/tui.md')).toMatch(/amberkit login/);
    expect(read('docs/emulator.md')).toMatch(/amberkit-emulator/);
  });
});
