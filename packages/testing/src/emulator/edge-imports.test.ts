import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

const STATIC_IMPORT = /^(?:import|export)\s(?!type\b)[^;]*?from\s+'([^']+)'/gm;

/** Every module reachable from `entry` by static (non-type) imports, with what each imports. */
function staticGraph(entry: string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (graph.has(file)) continue;
    const specifiers = [...readFileSync(file, 'utf8').matchAll(STATIC_IMPORT)].map(
      (m) => m[1] as string,
    );
    graph.set(file, specifiers);
    for (const s of specifiers)
      if (s.startsWith('.')) queue.push(resolve(dirname(file), s.replace(/\.js$/, '.ts')));
  }
  return graph;
}

test('the emulator and fixtures import nothing Node-only statically (they run on edge runtimes)', () => {
  for (const entry of ['./index.ts', '../fixtures/index.ts', '../msw/index.ts']) {
    const graph = staticGraph(fileURLToPath(new URL(entry, import.meta.url)));
    expect(graph.size).toBeGreaterThan(2);
    for (const [file, specifiers] of graph) {
      const nodeOnly = specifiers.filter((s) => s.startsWith('node:') || s === '@hono/node-server');
      expect(nodeOnly, file).toEqual([]);
    }
  }
});

test('the Node-only modules are reached only through dynamic import', () => {
  const graph = staticGraph(fileURLToPath(new URL('./index.ts', import.meta.url)));
  const files = [...graph.keys()].map((f) => f.split('/').pop());
  expect(files).not.toContain('data-file.ts');
  expect(files).not.toContain('listen-node.ts');
  const source = readFileSync(
    fileURLToPath(new URL('./create-emulator.ts', import.meta.url)),
    'utf8',
  );
  expect(source).toContain("import('./data-file.js')");
  expect(source).toContain("import('./listen-node.js')");
});
