import { appealIds } from './ids';

test('the appeal id is a function of the filer and the request id; the numbers carry the Shanghai date', () => {
  const now = new Date('2026-09-30T16:30:00Z'); // 2026-10-01 00:30 in Shanghai
  const a = appealIds('o1', '6F1C2A7E-1B2C-4D5E-8F90-123456789ABC', now);
  expect(appealIds('o1', '6f1c2a7e-1b2c-4d5e-8f90-123456789abc', now)).toEqual(a);
  expect(appealIds('o2', '6f1c2a7e-1b2c-4d5e-8f90-123456789abc', now).id).not.toBe(a.id);
  expect(a.id).toMatch(/^ap[0-9a-f]{24}$/);
  expect(a.numbers).toHaveLength(6);
  for (const no of a.numbers) expect(no).toMatch(/^YT20261001-[0-9A-F]{6}$/);
  expect(new Set(a.numbers).size).toBe(6);
});
