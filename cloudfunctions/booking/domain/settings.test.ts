import { LIU, settingsFixture, ZHANG } from './fixtures';
import { NO_FUTURE_BOOKINGS as NONE, withDuty, withHours, withService } from './settings';

const doc = settingsFixture();
const edit = { name: '老年优待证', materials: ['身份证', '一寸照片'], minutes: 20, windowIds: ['w1'], homeVisit: true, active: true };

describe('the catalogue', () => {
  it('adds a service under a new id, and refuses unknown windows, visits longer than a slot, duplicate names', () => {
    expect(withService(doc, edit, 'sv-new').at(-1)).toMatchObject({ id: 'sv-new', name: '老年优待证', homeVisit: true });
    expect(() => withService(doc, { ...edit, windowIds: ['w9'] }, 'x')).toThrow(/窗口 w9 不存在/);
    expect(() => withService(doc, { ...edit, minutes: 45 }, 'x')).toThrow('每次办理不能超过一个时段（30分钟）');
    expect(() => withService(doc, { ...edit, name: '证明开具' }, 'x')).toThrow('已有同名服务');
    expect(withService(doc, { ...edit, id: 'sv-proof', name: '证明开具' }, 'x').find((s) => s.id === 'sv-proof')?.minutes).toBe(20);
  });
});

describe('the hours', () => {
  it('refuses overlapping sessions and a window a service still uses', () => {
    const late = { ...doc.sessions[2], id: 'late', name: '晚间加班', start: '19:00', end: '21:00' };
    expect(() => withHours(doc, { sessions: [...doc.sessions, late] }, NONE)).toThrow('“工作日晚间”与“晚间加班”时间重叠');
    expect(() => withHours(doc, { windows: [doc.windows[0]], sessions: doc.sessions.map((s) => ({ ...s, windowIds: ['w1'] })) }, NONE)).toThrow(/社保认证.*w2/);
  });

  it('does not change the slot length under future bookings; drops duties of removed sessions', () => {
    const three = { total: 3, bySession: { evening: 3 }, byWindow: { w1: 3 } };
    expect(() => withHours(doc, { rules: { slotMinutes: 60 } }, three)).toThrow('还有3个未到期的预约，暂不能修改时段长度');
    const without = withHours(doc, { sessions: doc.sessions.filter((s) => s.id !== 'saturday') }, three);
    expect(without.roster.pattern.some((p) => p.sessionId === 'saturday')).toBe(false);
  });

  it('adds a session, and removes a session or a window only when no booking is still to come in it', () => {
    const sunday = { ...doc.sessions[3], id: 'sunday', name: '周日上午', weekdays: [0] };
    expect(withHours(doc, { sessions: [...doc.sessions, sunday] }, NONE).sessions.map((s) => s.id)).toContain('sunday');
    const evening = doc.sessions.find((s) => s.id === 'evening')!;
    const busy = { total: 2, bySession: { evening: 2 }, byWindow: { w1: 2 } };
    expect(() => withHours(doc, { sessions: doc.sessions.filter((s) => s.id !== 'evening') }, busy)).toThrow(`“${evening.name}”还有2个未到期的预约`);
    expect(withHours(doc, { sessions: doc.sessions.filter((s) => s.id !== 'evening') }, NONE).sessions.some((s) => s.id === 'evening')).toBe(false);
    const w3 = { id: 'w3', name: '3号窗口' };
    const withW3 = { ...doc, windows: [...doc.windows, w3] };
    expect(() => withHours(withW3, { windows: doc.windows }, { total: 1, bySession: { am: 1 }, byWindow: { w3: 1 } })).toThrow('“3号窗口”还有1个未到期的预约');
    expect(withHours(withW3, { windows: doc.windows }, busy).windows).toEqual(doc.windows);
  });
});

describe('the roster', () => {
  it('sets a day’s duty over the weekly pattern and says who had it', () => {
    const r = withDuty(doc, { sessionId: 'evening', day: '2026-09-30', staff: ZHANG }, '2026-09-28');
    expect(r.previous).toEqual(LIU);
    expect(r.roster.days).toEqual([{ day: '2026-09-30', sessionId: 'evening', staff: ZHANG }]);
    expect(() => withDuty(doc, { sessionId: 'am', day: '2026-09-30', staff: ZHANG }, '2026-09-28')).toThrow('只有延时、错时时段需要排班');
    expect(() => withDuty(doc, { sessionId: 'evening', day: '2026-09-27', staff: ZHANG }, '2026-09-28')).toThrow('不能修改过去的值班');
    const weekly = withDuty(doc, { sessionId: 'evening', weekday: 3, staff: ZHANG }, '2026-09-28');
    expect(weekly.previous).toEqual(LIU);
    expect(weekly.roster.pattern.filter((p) => p.weekday === 3)).toEqual([{ sessionId: 'evening', weekday: 3, staff: ZHANG }]);
  });
});
