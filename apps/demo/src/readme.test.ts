import { execFile } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createEmulator } from '@amberkit/testing/emulator';
import { afterAll, describe, expect, test } from 'vitest';
import { REPO_ROOT } from './test-support/demo-process.js';

const run = promisify(execFile);
const readme = await readFile(join(REPO_ROOT, 'README.md'), 'utf8');
const blocks = [...readme.matchAll(/^### `(@amberkit\/\w+)`\n[\s\S]*?```ts\n([\s\S]*?)```/gm)].map(
  (m) => ({
    pkg: m[1]!,
    code: m[2]!,
  }),
);
// Inside this package, so the snippets import the built packages as a consumer does.
const scratch = join(REPO_ROOT, 'apps/demo/.tmp/readme');

afterAll(() => rm(scratch, { recursive: true, force: true }));

/** The `// …` comment at the end of each console.log line: what that line prints. */
function expectedOutput(code: string): string[] {
  return [...code.matchAll(/console\.log\(.*\/\/ (.+)$/gm)].map((m) => m[1]!.trim());
}

describe('the root README', () => {
  test('has a TypeScript example for core and testing', () => {
    expect(blocks.map((b) => b.pkg)).toEqual(['@amberkit/core', '@amberkit/testing']);
  });

  test.each(blocks)(
    'the $pkg example runs and prints what its comments say',
    async ({ pkg, code }) => {
      // The core example talks to `pnpm emulator --port 4010`; here an emulator on a free port.
      const emulator = createEmulator();
      await using server = await emulator.listen({ port: 0, host: '127.0.0.1' });
      await mkdir(scratch, { recursive: true });
      const file = join(scratch, `${pkg.split('/')[1]}.mts`);
      await writeFile(file, code.replaceAll('http://127.0.0.1:4010', server.url));
      const { stdout } = await run(process.execPath, ['--import', 'tsx', file], {
        cwd: join(REPO_ROOT, 'apps/demo'),
        env: { ...process.env, AMBERFLO_API_KEY: 'emulator-key' },
      });
      const expected = expectedOutput(code);
      expect(expected.length).toBeGreaterThan(0);
      const lines = stdout.trim().split('\n');
      expect(lines).toHaveLength(expected.length);
      expected.forEach((text, i) => {
        expect(lines[i]).toContain(text);
      });
    },
  );
});
