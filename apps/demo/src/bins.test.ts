import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, realpath, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { REPO_ROOT } from './test-support/demo-process.js';

const run = promisify(execFile);

/** The three published commands, by package folder. */
const COMMANDS = [
  { dir: 'packages/testing', name: 'amberkit-emulator' },
  { dir: 'apps/proxy', name: 'amberkit-proxy' },
  { dir: 'apps/tui', name: 'amberkit' },
] as const;

type Manifest = { bin: Record<string, string>; files: string[] };

async function manifest(dir: string): Promise<Manifest> {
  return JSON.parse(await readFile(join(REPO_ROOT, dir, 'package.json'), 'utf8')) as Manifest;
}

/** Runs a command: its exit code and output, whether it failed or not. */
async function exec(file: string, args: string[], cwd = REPO_ROOT) {
  try {
    const { stdout, stderr } = await run(file, args, { cwd, env: { ...process.env, CI: 'true' } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe.each(COMMANDS)('the $name command', ({ dir, name }) => {
  test('is a committed, executable file that is published, not the build output', async () => {
    const { bin, files } = await manifest(dir);
    const file = bin[name]!;
    expect(file).toBe(`./bin/${name}.js`);
    expect(files).toContain('bin');
    const { stdout } = await run('git', ['ls-files', '--stage', join(dir, file)], {
      cwd: REPO_ROOT,
    });
    expect(stdout).toMatch(/^100755 /);
    expect((await stat(join(REPO_ROOT, dir, file))).mode & 0o111).not.toBe(0);
    expect(await readFile(join(REPO_ROOT, dir, file), 'utf8')).toMatch(/^#!\/usr\/bin\/env node\n/);
  });

  test('runs the build: --help through the bin prints what dist/cli.js prints', async () => {
    const { bin } = await manifest(dir);
    const viaBin = await exec(process.execPath, [join(REPO_ROOT, dir, bin[name]!), '--help']);
    const direct = await exec(process.execPath, [join(REPO_ROOT, dir, 'dist/cli.js'), '--help']);
    expect(viaBin.code).toBe(0);
    expect(viaBin.stdout).toContain(name);
    expect(viaBin).toEqual(direct);
  });
});

describe('a fresh checkout', () => {
  let clone: string;
  let install: { code: number; stdout: string; stderr: string };

  beforeAll(async () => {
    clone = await realpath(await mkdtemp(join(tmpdir(), 'amberkit-fresh-')));
    await run('git', ['clone', '--quiet', REPO_ROOT, clone]);
    // The manifests, the lock file and the bins as they are in this working tree (they may not
    // be committed yet); nothing is built in the clone.
    const files = [
      'package.json',
      'pnpm-lock.yaml',
      'pnpm-workspace.yaml',
      ...(await run('git', ['ls-files', '*package.json', '*/bin/*.js'], { cwd: REPO_ROOT })).stdout
        .split('\n')
        .filter((file) => file !== '' && file !== 'package.json'),
    ];
    for (const file of files) {
      await mkdir(dirname(join(clone, file)), { recursive: true });
      await copyFile(join(REPO_ROOT, file), join(clone, file));
    }
    // From the store this machine's own install filled; the registry only for what is missing.
    install = await exec('pnpm', ['install', '--frozen-lockfile', '--prefer-offline'], clone);
  }, 180_000);
  afterAll(() => rm(clone, { recursive: true, force: true }));

  test('`pnpm install` links every command without a warning', async () => {
    expect(install.code).toBe(0);
    expect(`${install.stdout}${install.stderr}`).not.toMatch(/WARN|Failed to create bin/);
    for (const { name } of COMMANDS) {
      await expect(stat(join(clone, 'apps/demo/node_modules/.bin', name))).resolves.toBeTruthy();
    }
  });

  test.each(COMMANDS)(
    '$name before a build: one line saying what to run, exit 1',
    async ({ name }) => {
      const result = await exec(
        join(clone, 'apps/demo/node_modules/.bin', name),
        ['--help'],
        clone,
      );
      expect(result).toEqual({
        code: 1,
        stdout: '',
        stderr: `${name} is not built (dist/cli.js is missing): run \`pnpm build\`\n`,
      });
    },
  );
});
