import { execFile, spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, realpath, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { loadDataset } from '@amberkit/testing/fixtures';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CONSUMER_SOURCE, tsconfig } from './test-support/consumer-project.js';
import { poll, REPO_ROOT } from './test-support/demo-process.js';

const run = promisify(execFile);
const PUBLISHED = {
  '@amberkit/core': 'packages/core',
  '@amberkit/testing': 'packages/testing',
  '@amberkit/proxy': 'apps/proxy',
  '@amberkit/tui': 'apps/tui',
} as const;
const DEPENDENCY_FIELDS = [
  'dependencies',
  'peerDependencies',
  'optionalDependencies',
  'devDependencies',
] as const;
const require = createRequire(import.meta.url);
const versionOf = (pkg: string) => (require(`${pkg}/package.json`) as { version: string }).version;

type Manifest = Partial<Record<(typeof DEPENDENCY_FIELDS)[number], Record<string, string>>> & {
  name: string;
};

let project: string;
const tarballs: Record<string, string> = {};

/** Runs a command in the consumer project (outside the workspace) with plain npm tooling. */
const inProject = (file: string, args: string[], env: Record<string, string> = {}) =>
  run(file, args, {
    cwd: project,
    env: { ...process.env, ...env, npm_config_update_notifier: 'false' },
    timeout: 240_000,
  });

beforeAll(async () => {
  project = await realpath(await mkdtemp(join(tmpdir(), 'amberkit-consumer-')));
  await mkdir(join(project, 'tarballs'));
  for (const [name, dir] of Object.entries(PUBLISHED)) {
    const { stdout } = await run(
      'pnpm',
      ['pack', '--pack-destination', join(project, 'tarballs'), '--json'],
      {
        cwd: join(REPO_ROOT, dir),
      },
    );
    tarballs[name] = (JSON.parse(stdout) as { filename: string }).filename;
  }
  const dependencies = Object.fromEntries(
    Object.entries(tarballs).map(([name, file]) => [name, `file:${file}`]),
  );
  await writeFile(
    join(project, 'package.json'),
    JSON.stringify({
      name: 'amberkit-consumer',
      private: true,
      type: 'module',
      dependencies,
      // The workspace's own versions, from the registry like any team would get them.
      devDependencies: { typescript: versionOf('typescript'), '@types/node': '^20.19.0' },
    }),
  );
  await writeFile(join(project, 'consumer.ts'), CONSUMER_SOURCE);
  await inProject('npm', [
    'install',
    '--no-audit',
    '--no-fund',
    '--prefer-offline',
    '--loglevel=error',
  ]);
}, 300_000);

afterAll(async () => {
  if (project) await rm(project, { recursive: true, force: true });
});

// tsc over real dependency typings and npm take a while on two busy cores.
describe('the published packages, installed from their tarballs with npm', {
  timeout: 180_000,
}, () => {
  test('packed manifests carry real version ranges, no workspace: or catalog: ranges', async () => {
    for (const name of Object.keys(PUBLISHED)) {
      const manifest = JSON.parse(
        await readFile(join(project, 'node_modules', name, 'package.json'), 'utf8'),
      ) as Manifest;
      expect(manifest.name).toBe(name);
      for (const field of DEPENDENCY_FIELDS) {
        for (const [dep, range] of Object.entries(manifest[field] ?? {})) {
          expect(range, `${name} ${field}.${dep}`).not.toMatch(/^(workspace|catalog|link|file):/);
        }
      }
    }
  });

  test('every @amberkit import resolves inside the consumer project, and no file names the workspace', async () => {
    const specifiers = [
      '@amberkit/core',
      '@amberkit/core/client',
      '@amberkit/testing/emulator',
      '@amberkit/proxy',
    ];
    const script = `for (const s of ${JSON.stringify(specifiers)}) console.log(new URL(import.meta.resolve(s)).pathname)`;
    const { stdout } = await inProject(process.execPath, ['--input-type=module', '-e', script]);
    const resolved = await Promise.all(
      stdout
        .trim()
        .split('\n')
        .map((file) => realpath(file)),
    );
    expect(resolved).toHaveLength(specifiers.length);
    for (const file of resolved)
      expect(file.startsWith(`${project}/node_modules/`), file).toBe(true);

    const leaks: string[] = [];
    const scan = async (dir: string): Promise<void> => {
      for (const entry of await readdir(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) await scan(path);
        else if ((await readFile(path, 'utf8')).includes(REPO_ROOT.replace(/\/$/, '')))
          leaks.push(path);
      }
    };
    await scan(join(project, 'node_modules', '@amberkit'));
    expect(leaks).toEqual([]);
  });

  test.each(['nodenext', 'bundler'] as const)(
    'the public API typechecks with moduleResolution %s',
    async (resolution) => {
      await writeFile(join(project, `tsconfig.${resolution}.json`), tsconfig(resolution, false));
      const result = await inProject('npx', ['tsc', '-p', `tsconfig.${resolution}.json`]).catch(
        (error: { stdout: string; code: number }) => error,
      );
      expect('code' in result ? result.stdout : '').toBe('');
    },
  );

  test('it runs on Node against the packed emulator: list, get, create', async () => {
    await writeFile(join(project, 'tsconfig.json'), tsconfig('nodenext', true));
    await inProject('npx', ['tsc', '-p', 'tsconfig.json']);
    const { stdout } = await inProject(process.execPath, ['out/consumer.js']);
    const demoCustomers = loadDataset('demo').customers.length;
    expect(JSON.parse(stdout)).toEqual({
      before: demoCustomers,
      after: demoCustomers + 1,
      acme: 'Acme Corp',
      created: 'consumer-1',
      missing: 'NOT_FOUND',
      total: '$100.00',
      year: 2023,
      built: 'Built',
      proxy: 'function',
    });
  });

  test('the bins run from the tarballs: amberkit-emulator --help, amberkit customers list --json', async () => {
    const help = await inProject('npx', ['amberkit-emulator', '--help']);
    expect(help.stdout).toContain('Usage: amberkit-emulator');
    const proxyHelp = await inProject('npx', ['amberkit-proxy', '--help']);
    expect(proxyHelp.stdout).toContain('amberkit-proxy keys create');

    const emulator = spawn('npx', ['amberkit-emulator', '--port', '0'], {
      cwd: project,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    try {
      let output = '';
      emulator.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        output += chunk;
      });
      await poll(
        () => /^http:\/\/127\.0\.0\.1:\d+$/m.test(output),
        30_000,
        () => `the emulator printed no URL: ${output}`,
      );
      const url = output.match(/^(http:\/\/127\.0\.0\.1:\d+)$/m)![1]!;
      const { stdout } = await inProject('npx', ['amberkit', 'customers', 'list', '--json'], {
        AMBERKIT_BASE_URL: url,
        AMBERKIT_API_KEY: 'emulator-key',
      });
      const customers = JSON.parse(stdout) as Array<{ customerId: string }>;
      expect(customers.map((c) => c.customerId)).toContain('customer-123456');
    } finally {
      process.kill(-emulator.pid!, 'SIGTERM');
    }
  });
});
