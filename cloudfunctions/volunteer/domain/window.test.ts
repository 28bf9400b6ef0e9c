import { checkWindow, outsideWindow } from './window';

const start = new Date('2026-12-05T09:00:00+08:00');
const end = new Date('2026-12-05T11:00:00+08:00');
const at = (hhmm: string) => new Date(`2026-12-05T${hhmm}:00+08:00`);

describe('check-in window', () => {
  it('opens 30 minutes before the start and closes 30 minutes after the end', () => {
    expect(checkWindow(start, end)).toEqual({ from: at('08:30'), until: at('11:30') });
    expect(outsideWindow(start, end, at('08:29'))).toMatch(/开始前30分钟/);
    expect(outsideWindow(start, end, at('08:30'))).toBeNull();
    expect(outsideWindow(start, end, at('11:30'))).toBeNull();
    expect(outsideWindow(start, end, at('11:31'))).toMatch(/已结束/);
  });
});
