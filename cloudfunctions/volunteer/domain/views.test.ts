import type { ActivityDoc, RecordDoc, RosterEntry } from './model';
import { activityView, rosterRows } from './views';

const at = (hhmm: string, day = '2026-12-05') => new Date(`${day}T${hhmm}:00+08:00`);
const e = (openid: string): RosterEntry => ({ openid, name: openid, requestId: `r-${openid}`, at: at('08:00', '2026-12-01') });

function activity(patch: Partial<ActivityDoc> = {}): ActivityDoc {
  return {
    _id: 'va1',
    communityId: 'c-haian',
    communityName: '海岸社区',
    communityPath: ['d', 's', 'c-haian'],
    teamId: 't1',
    teamName: '邻里互助服务队',
    leaderOpenid: 'leader',
    title: '便民维修',
    type: 'help',
    description: '',
    place: '广场',
    start: at('09:00'),
    end: at('11:00'),
    capacity: 1,
    requirements: ['adult'],
    status: 'published',
    cancelReason: null,
    code: '123456',
    seated: [e('a')],
    waiting: [e('b')],
    left: [],
    seatedCount: 1,
    waitingCount: 1,
    remindAt: null,
    createdBy: { openid: 'leader', name: '队长' },
    createdAt: at('08:00', '2026-12-01'),
    version: 3,
    effects: [],
    effectsPending: false,
    ...patch,
  };
}

const record = (patch: Partial<RecordDoc> = {}): RecordDoc => ({
  _id: 'va1_a',
  activityId: 'va1',
  communityId: 'c-haian',
  communityPath: ['d-370602', 's-xiangyang', 'c-haian'],
  openid: 'a',
  name: 'a',
  activity: { title: '便民维修', type: 'help', teamName: '邻里互助服务队', communityName: '海岸社区', start: at('09:00'), end: at('11:00') },
  start: at('09:00'),
  checkInAt: null,
  checkOutAt: null,
  corrected: false,
  history: [],
  createdAt: at('08:00', '2026-12-01'),
  version: 1,
  effects: [],
  effectsPending: false,
  ...patch,
});

describe('activityView', () => {
  it('offers sign-up before the start only, to those not on the roster', () => {
    expect(activityView(activity(), 'z', null, false, at('08:00')).can).toMatchObject({ signUp: true, cancelSignUp: false });
    expect(activityView(activity(), 'z', null, false, at('09:00')).can.signUp).toBe(false);
    expect(activityView(activity({ status: 'cancelled' }), 'z', null, false, at('08:00')).can.signUp).toBe(false);
    const waiting = activityView(activity(), 'b', null, false, at('08:00'));
    expect(waiting.my).toMatchObject({ status: 'waiting', waitingPosition: 1 });
    expect(waiting.can).toMatchObject({ signUp: false, cancelSignUp: true, checkIn: false });
  });

  it('offers check-in inside the window to the seated, then check-out; the code to managers only', () => {
    expect(activityView(activity(), 'a', null, false, at('08:29')).can.checkIn).toBe(false);
    expect(activityView(activity(), 'a', null, false, at('08:30')).can.checkIn).toBe(true);
    const inside = activityView(activity(), 'a', record({ checkInAt: at('08:40') }), false, at('10:00'));
    expect(inside.can).toMatchObject({ checkIn: false, checkOut: true });
    expect(activityView(activity(), 'a', record({ checkInAt: at('08:40'), checkOutAt: at('11:00') }), false, at('11:05')).can.checkOut).toBe(false);
    expect(activityView(activity(), 'a', null, false, at('11:31')).can.checkIn).toBe(false);
    expect(inside.code).toBeNull();
    expect(activityView(activity(), 'leader', null, true, at('10:00')).code).toBe('123456');
  });
});

describe('rosterRows', () => {
  it('lists the seated then the waiting, with hours by the rule and the history', () => {
    const r = record({ checkInAt: at('08:40'), checkOutAt: at('10:50'), corrected: true, history: [{ at: at('12:00'), kind: 'correct', by: { openid: 'leader', name: '队长' }, reason: '补录', checkInAt: at('08:40'), checkOutAt: at('10:50') }] });
    const rows = rosterRows(activity(), new Map([['a', r]]), { unitMinutes: 30, mode: 'down' });
    expect(rows.map((x) => [x.openid, x.status, x.waitingPosition])).toEqual([
      ['a', 'signed_up', null],
      ['b', 'waiting', 1],
    ]);
    // 09:00 (the start, not 08:40) to 10:50 is 110 minutes: 1.5 h rounded down.
    expect(rows[0]).toMatchObject({ hours: 1.5, corrected: true });
    expect(rows[0].history[0]).toMatchObject({ kind: 'correct', by: '队长', reason: '补录' });
  });
});
