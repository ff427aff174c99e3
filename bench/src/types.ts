/** One line of the bench table. `ratio` is value / baseline.value when there is a baseline. */
export type BenchRow = {
  section: string;
  name: string;
  value: number;
  unit: string;
  baseline?: { name: string; value: number };
  ratio?: number;
  target?: string;
  ok?: boolean;
};

export type BenchContext = {
  /** BENCH_QUICK=1: shorter runs, for development; figures are rougher. */
  quick: boolean;
  /** Progress for the person watching (stderr); the table goes to stdout. */
  log: (line: string) => void;
};

/** What every `src/sections/*.ts` exports. */
export type BenchSection = { run: (ctx: BenchContext) => Promise<BenchRow[]> };
