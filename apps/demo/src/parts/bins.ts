import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The CLIs the demo runs, by package and bin name. */
export const BINS = {
  emulator: { pkg: '@amberkit/testing', bin: 'amberkit-emulator' },
  proxy: { pkg: '@amberkit/proxy', bin: 'amberkit-proxy' },
  tui: { pkg: '@amberkit/tui', bin: 'amberkit' },
} as const;

export type PartName = keyof typeof BINS;

/** A bin that is not there (the package was not built): says what to run. */
export class MissingBinError extends Error {
  override name = 'MissingBinError' as const;
}

type PackageJson = { bin?: string | Record<string, string> };

/**
 * The file behind a package's bin, found through its package.json as npm would link it. The
 * demo depends on the three packages, so this resolves to the workspace's own builds. The bin
 * is a small file kept in git that runs the package's `dist/cli.js`, so that is what must exist.
 */
export function resolveBin(part: PartName, from: string = import.meta.url): string {
  const { pkg, bin } = BINS[part];
  const manifestPath = createRequire(from).resolve(`${pkg}/package.json`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as PackageJson;
  const relative = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin?.[bin];
  if (relative === undefined) throw new MissingBinError(`${pkg} declares no bin ${bin}`);
  const built = join(dirname(manifestPath), 'dist', 'cli.js');
  if (!existsSync(built)) {
    throw new MissingBinError(
      `${bin} is not built (${built} is missing): run \`pnpm build\` first, or use \`pnpm start\``,
    );
  }
  return join(dirname(manifestPath), relative);
}
