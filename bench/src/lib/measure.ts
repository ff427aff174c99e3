/** Median of a list of numbers (mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of nothing');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export type Contender = { name: string; fn: () => Promise<unknown> | unknown };

/**
 * Times contenders in alternation (A B A B …) after a warm-up, so drift on a shared machine
 * (another process, GC, CPU frequency) hits all of them alike. Returns median ms per name.
 */
export async function compare(
  contenders: readonly Contender[],
  { warmup, iterations }: { warmup: number; iterations: number },
): Promise<Record<string, number>> {
  const samples = new Map<string, number[]>(contenders.map((c) => [c.name, []]));
  for (let i = 0; i < warmup + iterations; i++) {
    // Rotate who goes first so neither always runs right after the other's garbage.
    for (let j = 0; j < contenders.length; j++) {
      const contender = contenders[(i + j) % contenders.length]!;
      const start = performance.now();
      await contender.fn();
      const elapsed = performance.now() - start;
      if (i >= warmup) samples.get(contender.name)!.push(elapsed);
    }
  }
  return Object.fromEntries([...samples].map(([name, list]) => [name, median(list)]));
}

/** A row's ratio and verdict against a "≤ N×" target. */
export function ratioRow(value: number, baseline: number, maxRatio: number) {
  const ratio = value / baseline;
  return { ratio, target: `≤ ${maxRatio}x`, ok: ratio <= maxRatio };
}
