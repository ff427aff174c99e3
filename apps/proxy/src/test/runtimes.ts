import { type ChildProcess, spawn } from 'node:child_process';
import { accessSync, constants, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { build, type Platform } from 'esbuild';
import { Miniflare } from 'miniflare';
import { until } from './poll.js';

export const packageRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);

/**
 * The Workers module bundled as wrangler does: the `workerd`, `worker` and `browser` conditions.
 * `source`: another module to bundle instead of src/worker.ts, resolved from src/ (a Worker of
 * an embedder's, say).
 */
export async function bundleWorker(platform: Platform = 'neutral', source?: string) {
  const result = await build({
    ...(source === undefined
      ? { entryPoints: [join(packageRoot, 'src', 'worker.ts')] }
      : { stdin: { contents: source, resolveDir: join(packageRoot, 'src'), loader: 'ts' } }),
    bundle: true,
    write: false,
    format: 'esm',
    platform,
    // What wrangler resolves (workerd, then worker, then browser), plus our source condition.
    conditions: ['@amberkit/source', 'workerd', 'worker', 'browser'],
    mainFields: ['browser', 'module', 'main'],
    minify: true,
    metafile: true,
    logLevel: 'silent',
  });
  return { code: result.outputFiles[0]!.text, metafile: result.metafile };
}

/** `compatibility_date` and `compatibility_flags` of the wrangler.jsonc in docs/proxy.md. */
export function documentedWranglerConfig(): { compatibilityDate: string; flags: string[] } {
  const docs = readFileSync(join(packageRoot, '..', '..', 'docs', 'proxy.md'), 'utf8');
  const block = docs.match(/```jsonc\n\/\/ wrangler\.jsonc\n([\s\S]*?)```/)?.[1];
  const date = block?.match(/"compatibility_date":\s*"(\d{4}-\d{2}-\d{2})"/)?.[1];
  if (!block || !date)
    throw new Error('docs/proxy.md: no wrangler.jsonc with a compatibility_date');
  const flags = block.match(/"compatibility_flags":\s*\[([^\]]*)\]/)?.[1];
  return {
    compatibilityDate: date,
    flags: flags ? [...flags.matchAll(/"([^"]+)"/g)].map((m) => m[1]!) : [],
  };
}

/** The `server.ts` docs/proxy.md gives under `### Bun` or `### Deno`. */
/**
 * A bundled Worker (`code`) in workerd through miniflare, on 127.0.0.1 at the compatibility
 * date and flags of docs/proxy.md's wrangler.jsonc, with `bindings` as its env. `logs()` is
 * what the Worker wrote (console.log inside workerd); a runtime that fails to start rejects
 * with its own stderr, which says why. Dispose stops it (quietly if it never started).
 */
export async function startWorkerd(code: string, bindings: Record<string, string>) {
  const { compatibilityDate, flags } = documentedWranglerConfig();
  let logs = '';
  const mf = new Miniflare({
    modules: true,
    script: code,
    compatibilityDate,
    compatibilityFlags: flags,
    host: '127.0.0.1',
    port: 0,
    bindings,
    handleRuntimeStdio(stdout: Readable, stderr: Readable) {
      for (const stream of [stdout, stderr])
        stream.on('data', (chunk: Buffer) => {
          logs += chunk.toString('utf8');
        });
    },
  });
  const dispose = () => mf.dispose().catch(() => undefined);
  const base = await mf.ready.catch(async (error: Error) => {
    await dispose();
    throw new Error(`${error.message}\n${logs}`);
  });
  return { base, logs: () => logs, [Symbol.asyncDispose]: dispose };
}

export function documentedServerModule(runtime: 'Bun' | 'Deno'): string {
  const docs = readFileSync(join(packageRoot, '..', '..', 'docs', 'proxy.md'), 'utf8');
  const section = docs.split(`\n### ${runtime}\n`)[1]?.split('\n### ')[0];
  const code = section?.match(/```ts\n\/\/ server\.ts\n([\s\S]*?)```/)?.[1];
  if (!code) throw new Error(`docs/proxy.md: no server.ts under ### ${runtime}`);
  return code;
}

/**
 * The native Bun or Deno binary from the npm packages (devDependencies). Spawned directly, not
 * through node_modules/.bin, whose shell and Node shims would not pass a kill signal on.
 */
export function runtimeBinary(runtime: 'bun' | 'deno'): string {
  const dir = dirname(require.resolve(`${runtime}/package.json`));
  const path = runtime === 'bun' ? join(dir, 'bin', 'bun.exe') : join(dir, 'deno');
  try {
    accessSync(path, constants.X_OK);
  } catch {
    throw new Error(
      `${path} is missing: ${runtime}'s postinstall did not run (onlyBuiltDependencies)`,
    );
  }
  // Bun's placeholder before its postinstall is a small shell script, not the binary.
  if (readFileSync(path).subarray(0, 4).toString('latin1') !== '\x7fELF')
    throw new Error(`${path} is not the ${runtime} binary: its postinstall did not run`);
  return path;
}

export type RuntimeServer = {
  url: string;
  output(): string;
  [Symbol.asyncDispose](): Promise<void>;
};

/**
 * Spawns a server and waits for the first `http://127.0.0.1:<port>/` it prints (stdout or
 * stderr). Disposing kills it and waits for it to exit.
 */
export async function spawnServer(
  command: string,
  args: string[],
  options: { cwd: string; env: Record<string, string> },
): Promise<RuntimeServer> {
  const child: ChildProcess = spawn(command, args, {
    cwd: options.cwd,
    env: { PATH: process.env.PATH ?? '', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  // A command that cannot be spawned (missing, not executable) emits `error` and no `exit`:
  // unheard, it would be an uncaught error in the test worker.
  let spawnError: Error | undefined;
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.once('error', (error) => {
      spawnError = error;
      resolve();
    });
  });
  const dispose = async () => {
    if (spawnError === undefined && child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await exited;
    }
  };
  try {
    const url = await until(
      () => {
        const found = output.match(/http:\/\/127\.0\.0\.1:\d+\//)?.[0];
        if (found) return found;
        if (spawnError) throw new Error(`cannot spawn ${command}: ${spawnError.message}`);
        if (child.exitCode !== null)
          throw new Error(`${command} exited ${child.exitCode}: ${output}`);
        if (child.signalCode !== null)
          throw new Error(`${command} was killed by ${child.signalCode}: ${output}`);
        return undefined;
      },
      `${command} to print its URL`,
      15_000,
    );
    return { url, output: () => output, [Symbol.asyncDispose]: dispose };
  } catch (error) {
    await dispose();
    throw error;
  }
}
