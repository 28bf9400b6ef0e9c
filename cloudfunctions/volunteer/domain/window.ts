/** When check-in and check-out are open: the activity's window with the margin either side. Pure. */
import { VOLUNTEER_LIMITS } from '../../../types/volunteer.constants';

const MINUTE = 60_000;

export function checkWindow(start: Date, end: Date, marginMinutes: number = VOLUNTEER_LIMITS.checkMarginMinutes): { from: Date; until: Date } {
  return { from: new Date(start.getTime() - marginMinutes * MINUTE), until: new Date(end.getTime() + marginMinutes * MINUTE) };
}

/** Null when `now` is inside the window, else why not. */
export function outsideWindow(start: Date, end: Date, now: Date): string | null {
  const { from, until } = checkWindow(start, end);
  if (now < from) return `活动开始前${VOLUNTEER_LIMITS.checkMarginMinutes}分钟起才能签到`;
  if (now > until) return '活动已结束，不能再签到或签退';
  return null;
}
