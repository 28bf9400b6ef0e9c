/**
 * The one loop every sweep runs: fetch a batch after a cursor, handle each item, move the cursor past
 * it, until nothing is left or the time budget is spent. The cursor, not a "seen" set, is what moves
 * the loop on, so items that keep failing never hold back the ones behind them.
 */
export interface DrainOptions<T, K extends string> {
  /** Items after the given one (null: from the start), in a stable order, at most `limit`. */
  next: (after: T | null, limit: number) => Promise<T[]>;
  /** Handles one item and names the outcome; a throw counts as `failed` and is logged. */
  each: (item: T) => Promise<K>;
  outcomes: readonly K[];
  /** For the log line of a failure. */
  label: (item: T) => string;
  name: string;
  batch?: number;
  budgetMs?: number;
}

export type Tally<K extends string> = Record<K | 'scanned' | 'failed', number>;

export async function drain<T, K extends string>(options: DrainOptions<T, K>): Promise<Tally<K>> {
  const { next, each, outcomes, label, name, batch = 100, budgetMs = 45_000 } = options;
  const tally = { scanned: 0, failed: 0 } as Tally<K>;
  for (const k of outcomes) tally[k] = 0;
  const started = Date.now();
  let cursor: T | null = null;
  while (Date.now() - started < budgetMs) {
    const items = await next(cursor, batch);
    for (const item of items) {
      tally.scanned += 1;
      try {
        tally[await each(item)] += 1;
      } catch (error) {
        tally.failed += 1;
        console.error(JSON.stringify({ level: 'error', msg: `${name} failed on one item; moving on`, item: label(item), error: String((error as Error)?.stack ?? error) }));
      }
      if (Date.now() - started >= budgetMs) break;
    }
    if (items.length < batch) break;
    cursor = items[items.length - 1];
  }
  return tally;
}
