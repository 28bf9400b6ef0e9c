/** 限期办结制 over the kernel's working time: the category clocks across a holiday. */
import { formatShanghai } from '../../core/time/workingTime';
import { resolveClock, respondClock, dueState } from './deadlines';

const at = (s: string) => new Date(`${s}+08:00`);
const iso = (d: Date) => formatShanghai(d, 'YYYY-MM-DD HH:mm');

describe('deadlines per category', () => {
  test('elevator: respond within 1 working hour, resolve within 2 working days, across National Day', () => {
    const filed = at('2026-09-30T17:30:00');
    const respond = respondClock('elevator', filed);
    expect(iso(respond.dueAt)).toBe('2026-10-08 09:30');
    expect(iso(respond.warnAt)).toBe('2026-10-08 09:15');
    const resolve = resolveClock('elevator', filed);
    expect(iso(resolve.dueAt)).toBe('2026-10-09 17:30');
    expect(iso(resolve.warnAt)).toBe('2026-10-09 13:30'); // 4 working hours before, lunch excluded
  });

  test('due state', () => {
    const dueAt = at('2026-03-10T12:00:00');
    const warnAt = at('2026-03-10T11:00:00');
    expect(dueState(dueAt, warnAt, at('2026-03-10T10:00:00'))).toBe('ok');
    expect(dueState(dueAt, warnAt, at('2026-03-10T11:00:00'))).toBe('dueSoon');
    expect(dueState(dueAt, warnAt, at('2026-03-10T12:00:01'))).toBe('overdue');
    expect(dueState(null, null, at('2026-03-10T12:00:01'))).toBeNull();
  });
});
