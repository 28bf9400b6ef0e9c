import { shanghaiInstant } from './time';

it('reads a typed day and clock as Shanghai wall time, whatever the device zone', () => {
  expect(shanghaiInstant('2026-12-05', '09:30')).toBe('2026-12-05T01:30:00.000Z');
  expect(shanghaiInstant('2026-12-05', '00:10')).toBe('2026-12-04T16:10:00.000Z');
  expect(shanghaiInstant('2026-12-05', '24:00')).toBeNull();
  expect(shanghaiInstant('12/05', '09:30')).toBeNull();
});
