import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { REPO_ROOT } from './test-support/demo-process.js';

const read = (file: string) => readFileSync(join(REPO_ROOT, file), 'utf8');
const PUBLISHED = ['packages/core', 'packages/testing', 'apps/proxy', 'apps/tui'];

const MARKDOWN = [
  'README.md',
  'CONTRIBUTING.md',
  'docs/README.md',
  'docs/proxy.md',
  'docs/tui.md',
  'docs/emulator.md',
  'apps/demo/README.md',
  ...PUBLISHED.map((dir) => `${dir}/README.md`),
];

/** Markdown without its fenced code blocks, where `](x)` and `# x` are not links or headings. */
const prose = (file: string) => read(file).replace(/^```[\s\S]*?^```/gm, '');

/** Relative links of a markdown file (`path`, `path#anchor` or `#anchor`), no outside URLs. */
function localLinks(file: string): Array<{ path: string; anchor: string | undefined }> {
  return [...prose(file).matchAll(/\]\(([^)\s]+)\)/g)]
    .map((m) => m[1]!)
    .filter((target) => !/^[a-z]+:/.test(target))
    .map((target) => {
      const [path = '', anchor] = target.split('#');
      return { path, anchor };
    });
}

/** The anchors GitHub gives a file's headings: lower case, punctuation dropped, spaces → `-`. */
function anchors(file: string): string[] {
  const seen = new Map<string, number>();
  return [...prose(file).matchAll(/^#{1,6}\s+(.+)$/gm)].map((m) => {
    const slug = m[1]!
      .trim()
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const count = seen.get(slug);
    seen.set(slug, (count ?? -1) + 1);
    return count === undefined ? slug : `${slug}-${count + 1}`;
  });
}

describe('documentation a newcomer relies on', () => {
  test.each(MARKDOWN)('every local link and anchor in %s resolves', (file) => {
    const broken = localLinks(file).filter(({ path, anchor }) => {
      const target = path === '' ? file : join(dirname(file), path);
      if (!existsSync(join(REPO_ROOT, target))) return true;
      return anchor !== undefined && target.endsWith('.md') && !anchors(target).includes(anchor);
    });
    expect(broken).toEqual([]);
  });

  test('the anchor rule matches GitHub on the headings the docs link to', () => {
    expect(anchors('README.md')).toContain('the-spec-and-the-live-amberflo-api');
    expect(anchors('docs/proxy.md')).toContain('speed-on-node-20---no-memory-reducer');
  });

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
