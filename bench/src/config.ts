/**
 * The bench's environment, read here and nowhere else. Hand-parsed (two variables) so the
 * bench needs no dependency the packages it measures do not already have.
 */
export type BenchConfig = { quick: boolean; only: string[] | undefined };

export class BenchConfigError extends Error {
  override name = 'BenchConfigError' as const;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): BenchConfig {
  const quick = env.BENCH_QUICK?.trim().toLowerCase() ?? '';
  if (!['', '0', '1', 'false', 'true'].includes(quick)) {
    throw new BenchConfigError(`BENCH_QUICK must be 1 or 0, got "${env.BENCH_QUICK}"`);
  }
  const only = env.BENCH_ONLY?.split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  return { quick: quick === '1' || quick === 'true', only: only?.length ? only : undefined };
}
