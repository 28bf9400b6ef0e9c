import { drain } from './drain';

const items = (n: number) => Array.from({ length: n }, (_, i) => i);

test('items that keep failing do not hold back the ones behind them, and every item is seen once', async () => {
  const all = items(350);
  const handled: number[] = [];
  const tally = await drain<number, 'done'>({
    name: 'test',
    next: async (after, limit) => all.filter((i) => after === null || i > after).slice(0, limit),
    each: async (i) => {
      if (i < 120) throw new Error('always fails');
      handled.push(i);
      return 'done';
    },
    outcomes: ['done'],
    label: String,
    batch: 100,
  });
  expect(tally).toEqual({ scanned: 350, failed: 120, done: 230 });
  expect(handled).toEqual(all.slice(120));
});

test('stops when the time budget is spent', async () => {
  let calls = 0;
  const tally = await drain<number, 'done'>({
    name: 'test',
    next: async (after, limit) => items(limit).map((i) => (after ?? -1) + 1 + i),
    each: async () => {
      calls += 1;
      await new Promise((r) => setTimeout(r, 5));
      return 'done';
    },
    outcomes: ['done'],
    label: String,
    batch: 10,
    budgetMs: 60,
  });
  expect(tally.scanned).toBe(calls);
  expect(calls).toBeGreaterThan(0);
  expect(calls).toBeLessThan(30);
});
