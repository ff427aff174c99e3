import { execFile } from 'node:child_process';
import {
  appendFile,
  copyFile,
  mkdir,
  mkdtemp,
  realpath,
  rm,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { REPO_ROOT } from './test-support/demo-process.js';

const run = promisify(execFile);
let clone: string;

const git = (...args: string[]) =>
  run('git', ['-c', 'user.name=amberkit test', '-c', 'user.email=test@example.invalid', ...args], {
    cwd: clone,
  });

/** `pnpm changeset:check` in the clone, as CI runs it: its exit code and output. */
async function check(): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run('pnpm', ['run', '--silent', 'changeset:check'], {
      cwd: clone,
      env: { ...process.env, FORCE_COLOR: '0', CI: 'true' },
    });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

beforeAll(async () => {
  clone = await realpath(await mkdtemp(join(tmpdir(), 'amberkit-changeset-')));
  await run('git', ['clone', '--quiet', REPO_ROOT, clone]);
  // Whatever branch this checkout is on, the clone's base branch is main.
  await git('switch', '--quiet', '-C', 'main');
  // The check as it is in this working tree (it may not be committed yet): the scripts, the
  // changesets config and the manifests of the packages the cases touch. Committed on main, and
  // main becomes origin/main, the base a branch is compared with.
  for (const file of [
    'package.json',
    '.changeset/config.json',
    'packages/core/package.json',
    'apps/demo/package.json',
  ]) {
    await mkdir(dirname(join(clone, file)), { recursive: true });
    await copyFile(join(REPO_ROOT, file), join(clone, file));
  }
  await git('add', '-A');
  await git('commit', '--quiet', '--allow-empty', '-m', 'base');
  await git('update-ref', 'refs/remotes/origin/main', 'HEAD');
  // The clone runs the workspace's own changesets CLI; nothing is installed in it.
  await symlink(join(REPO_ROOT, 'node_modules'), join(clone, 'node_modules'));
}, 60_000);

afterAll(async () => {
  if (clone) await rm(clone, { recursive: true, force: true });
});

describe('changeset:check (CI fails when a published package changed without a changeset)', () => {
  test('on main there is nothing to compare: passes', async () => {
    expect(await check()).toMatchObject({ code: 0, output: expect.stringContaining('on main') });
  });

  test('a change to packages/core on a branch fails without a changeset and passes with one', async () => {
    await git('switch', '--quiet', '-c', 'core-change', 'main');
    await appendFile(join(clone, 'packages/core/src/index.ts'), '\n// a change that ships\n');
    await git('commit', '--quiet', '-am', 'core: a change');
    const without = await check();
    expect(without.code).not.toBe(0);
    expect(without.output).toContain(
      'Some packages have been changed but no changesets were found',
    );

    await writeFile(
      join(clone, '.changeset/core-change.md'),
      "---\n'@amberkit/core': patch\n---\n\nA change that ships.\n",
    );
    await git('add', '.changeset/core-change.md');
    await git('commit', '--quiet', '-m', 'changeset');
    const withChangeset = await check();
    expect(withChangeset.code).toBe(0);
    expect(withChangeset.output).toContain('@amberkit/core');
  });

  test('a change only to the private demo needs no changeset', async () => {
    await git('switch', '--quiet', '-c', 'demo-change', 'main');
    await appendFile(join(clone, 'apps/demo/package.json'), '\n');
    await git('commit', '--quiet', '-am', 'demo: a change');
    expect((await check()).code).toBe(0);
  });
});
