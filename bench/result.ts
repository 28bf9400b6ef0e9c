import path from 'node:path';

export interface BenchResult {
  name: string;
  unit: string;
  value: number;
}

/**
 * Runs one bench when its file is the script (`npx tsx bench/<name>.ts`): prints each figure, then
 * `summary` (a ratio against its target) if given, and exits (a bench may leave timers behind).
 */
export function runAlone(file: string, bench: () => Promise<BenchResult[]>, summary?: (by: Record<string, number>) => string): void {
  if (!process.argv[1] || path.resolve(process.argv[1]) !== file) return;
  const started = Date.now();
  bench().then(
    (figures) => {
      for (const f of figures) console.log(`${f.name.padEnd(46)} ${String(f.value).padStart(10)} ${f.unit}`);
      if (summary) console.log(summary(Object.fromEntries(figures.map((f) => [f.name, f.value]))));
      console.log(`${((Date.now() - started) / 1000).toFixed(0)} s`);
      process.exit(0);
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
