import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../', import.meta.url));
const readPkg = async (dir: string) =>
  JSON.parse(await readFile(join(dir, 'package.json'), 'utf8'));
const SUBPATHS = ['.', './schemas', './client', './time', './money', './openapi'];

/** Files under `dir` (recursive), as paths relative to it. */
async function filesIn(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name)));
}

/** Every module specifier a JS/TS file imports or re-exports (static and dynamic). */
function specifiers(code: string): string[] {
  // Anchored at a line start, so JSDoc examples (` * import … from …`) do not count.
  const pattern =
    /^\s*(?:import|export)\b[\w\s{},*$]*?\bfrom\s*['"]([^'"]+)['"]|^\s*import\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/gm;
  return [...code.matchAll(pattern)].map((m) => m[1] ?? m[2] ?? m[3] ?? '');
}

describe('package.json', () => {
  test('ESM, no side effects, an explicit exports map: source, then types, then dist', async () => {
    const pkg = await readPkg(root);
    expect(pkg).toMatchObject({ name: '@amberkit/core', type: 'module', sideEffects: false });
    expect(Object.keys(pkg.exports)).toEqual([...SUBPATHS, './package.json']);
    for (const subpath of SUBPATHS) {
      const dir = subpath === '.' ? '' : `${subpath.slice(2)}/`;
      expect(pkg.exports[subpath]).toEqual({
        '@amberkit/source': `./src/${dir}index.ts`,
        types: `./dist/${dir}index.d.ts`,
        default: `./dist/${dir}index.js`,
      });
    }
    // Tests and the Node-only test server stay out of the tarball.
    expect(pkg.files).toEqual(expect.arrayContaining(['dist', '!src/**/*.test.ts']));
    expect(pkg.files).toContain('!src/client/test-server.ts');
  });
});

describe('runs on the edge: Web APIs only', () => {
  test('no source module outside tests and test helpers touches Node', async () => {
    const src = join(root, 'src');
    const modules = (await filesIn(src)).filter(
      (f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.endsWith('test-server.ts'),
    );
    expect(modules.length).toBeGreaterThan(40);
    const offenders: string[] = [];
    for (const file of modules) {
      const code = await readFile(join(src, file), 'utf8');
      for (const spec of specifiers(code)) {
        if (!spec.startsWith('.') && !['ky', 'zod', 'zod/mini'].includes(spec)) {
          offenders.push(`${file} imports ${spec}`);
        }
      }
      if (/\bprocess\.\w|\bBuffer\.\w|\brequire\(|__dirname/.test(code)) {
        offenders.push(`${file}: Node global`);
      }
    }
    expect(offenders).toEqual([]);
  });

  test('the scan catches a Node import (control)', () => {
    const code = [
      "import { readFile } from 'node:fs';",
      "import 'node:process';",
      'import {\n  a,\n  b,\n} from "node:http";',
      "export * from './x.js';",
      "const m = await import('node:os');",
      "export type A = { b: string };\n/** e.g. import { x } from '@amberkit/core/client' */",
      " * import { createAmberfloClient } from '@amberkit/core/client';",
    ].join('\n');
    expect(specifiers(code)).toEqual(['node:fs', 'node:process', 'node:http', './x.js', 'node:os']);
  });
});

/**
 * Run by plain `node` inside a built copy: imports every subpath by the package's own name
 * (self-reference, so the `exports` map's `default` → dist resolves, not the
 * `@amberkit/source` condition vitest uses) and reports what it found.
 */
const probe = `
const out = { exports: {}, sent: [] };
for (const s of ${JSON.stringify(SUBPATHS)}) {
  out.exports[s] = Object.keys(await import(s === '.' ? '@amberkit/core' : '@amberkit/core' + s.slice(1)));
}
const { createAmberfloClient, USER_AGENT } = await import('@amberkit/core/client');
out.userAgent = USER_AGENT;
const client = createAmberfloClient({ apiKey: 'k', baseUrl: 'http://in-process.test',
  fetch: async (req) => { out.sent.push(req.headers.get('user-agent')); return Response.json([]); } });
await client.customers.list();
console.log(JSON.stringify(out));
`;

const EXPECTED: Record<string, string[]> = {
  './schemas': ['Customer', 'CustomerRequest', 'Invoice', 'ErrorResponse', 'toErrorIssues'],
  './client': ['createAmberfloClient', 'isAmberfloError', 'NotFoundError', 'RateLimitError'],
  './time': ['asMillis', 'asSeconds', 'toDate', 'fromDate', 'invoicePeriod', 'formatDate'],
  './money': ['money', 'fromApiAmount', 'toApiAmount', 'sum', 'allocate', 'parseAmount'],
  './openapi': ['createOpenApiDocument', 'openApiDocument'],
};

describe('the built package', () => {
  // `changeset version` rewrites package.json's version and nothing else; the User-Agent of
  // the next build must follow it.
  test('after bumping package.json alone, dist sends the new version; every subpath loads', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'amberkit-core-build-'));
    try {
      const bumped = '41.2.3';
      const pkg = await readPkg(root);
      await writeFile(join(dir, 'package.json'), JSON.stringify({ ...pkg, version: bumped }));
      await cp(join(root, 'tsdown.config.ts'), join(dir, 'tsdown.config.ts'));
      await cp(join(root, 'src'), join(dir, 'src'), {
        recursive: true,
        filter: (path) => !path.endsWith('.test.ts'),
      });
      await symlink(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
      const tsdown = join(root, 'node_modules/tsdown/dist/run.mjs');
      await run(process.execPath, [tsdown, '--no-dts', '--log-level', 'error'], { cwd: dir });

      const { stdout } = await run(process.execPath, ['--input-type=module', '-e', probe], {
        cwd: dir,
      });
      const out = JSON.parse(stdout) as {
        exports: Record<string, string[]>;
        userAgent: string;
        sent: string[];
      };
      expect(out.userAgent).toBe(`@amberkit/core/${bumped}`);
      expect(out.sent).toEqual([`@amberkit/core/${bumped}`]);
      for (const [subpath, names] of Object.entries(EXPECTED)) {
        expect(out.exports[subpath]).toEqual(expect.arrayContaining(names));
        // The root entry re-exports every subpath.
        expect(out.exports['.']).toEqual(expect.arrayContaining(out.exports[subpath] ?? []));
      }

      // What an edge bundler sees: dist imports only its two dependencies.
      const dist = join(dir, 'dist');
      const built = (await filesIn(dist)).filter((f) => f.endsWith('.js'));
      const imported = new Set<string>();
      for (const file of built) {
        for (const spec of specifiers(await readFile(join(dist, file), 'utf8'))) {
          if (!spec.startsWith('.')) imported.add(spec);
        }
      }
      expect([...imported].sort()).toEqual(['ky', 'zod/mini']);
      const code = (await Promise.all(built.map((f) => readFile(join(dist, f), 'utf8')))).join(
        '\n',
      );
      expect(code).not.toMatch(/package\.json['"]\s*with/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
