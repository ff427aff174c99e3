import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';

const packageDir = fileURLToPath(new URL('..', import.meta.url));

/** What `npm publish` would put in the tarball, as npm itself computes it from `files`. */
async function packedFiles(): Promise<string[]> {
  const { stdout } = await promisify(execFile)(
    'npm',
    ['pack', '--dry-run', '--json', '--ignore-scripts'],
    { cwd: packageDir, env: { ...process.env, npm_config_loglevel: 'silent' } },
  );
  const [pack] = JSON.parse(stdout) as [{ files: { path: string }[] }];
  return pack.files.map((file) => file.path);
}

describe('the published package', () => {
  test('ships the bin and the sources, but no tests, test support, e2e or bench code', async () => {
    const files = await packedFiles();
    expect(files).toContain('bin/amberkit.js');
    expect(files).toContain('dist/cli.js');
    expect(files).toContain('src/cli.ts');
    expect(files).toContain('package.json');
    const unwanted = files.filter((path) =>
      /(\.test\.tsx?$|\/test-support\/|\/e2e\/|\/bench\/|vitest|global-setup)/.test(path),
    );
    expect(unwanted).toEqual([]);
  });
});
