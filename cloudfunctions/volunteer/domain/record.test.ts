import type { RecordDoc } from './model';
import { serviceRecord } from './record';

const at = (s: string) => new Date(s);

function rec(id: string, start: string, end: string, checkIn: string | null, checkOut: string | null, communityId = 'c1'): RecordDoc {
  return {
    _id: id,
    activityId: id,
    communityId,
    communityPath: ['d1', 's1', communityId],
    openid: 'p',
    name: '李建国',
    activity: { title: id, type: 'help', teamName: '邻里互助队', communityName: '海岸社区', start: at(start), end: at(end) },
    start: at(start),
    checkInAt: checkIn ? at(checkIn) : null,
    checkOutAt: checkOut ? at(checkOut) : null,
    corrected: false,
    history: [],
    createdAt: at(start),
    version: 1,
    effects: [],
    effectsPending: false,
  };
}

describe('serviceRecord', () => {
  const records = [
    // First half of 2026: 2 h 10 min → 2 h (round down to 0.5 h).
    rec('spring', '2026-03-01T09:00:00+08:00', '2026-03-01T12:00:00+08:00', '2026-03-01T09:05:00+08:00', '2026-03-01T11:15:00+08:00'),
    // Second half: two overlapping activities 09–11 and 10–12, both served fully: 3 h, not 4.
    rec('a', '2026-11-01T09:00:00+08:00', '2026-11-01T11:00:00+08:00', '2026-11-01T08:50:00+08:00', '2026-11-01T11:10:00+08:00'),
    rec('b', '2026-11-01T10:00:00+08:00', '2026-11-01T12:00:00+08:00', '2026-11-01T10:00:00+08:00', '2026-11-01T12:00:00+08:00'),
    // Checked in, never out: no hours.
    rec('open', '2026-11-02T09:00:00+08:00', '2026-11-02T11:00:00+08:00', '2026-11-02T09:00:00+08:00', null),
    // Last year.
    rec('old', '2025-12-20T09:00:00+08:00', '2025-12-20T10:00:00+08:00', '2025-12-20T09:00:00+08:00', '2025-12-20T10:00:00+08:00'),
  ];

  it('totals this year and this half-year in Shanghai, overlaps counted once, rounded by the rule', () => {
    const r = serviceRecord('李建国', records, new Map(), at('2026-12-02T08:00:00+08:00'));
    expect(r.items.map((i) => [i.activityId, i.hours])).toEqual([
      ['open', 0],
      ['b', 1],
      ['a', 2],
      ['spring', 2],
      ['old', 1],
    ]);
    expect(r.totals.year).toEqual({ key: '2026', label: '2026年', hours: 5, activities: 3 });
    expect(r.totals.halfYear).toEqual({ key: '2026H2', label: '2026年下半年', hours: 3, activities: 2 });
    expect(r.totals.all.hours).toBe(6);
  });

  it('uses each community’s own rule', () => {
    const r = serviceRecord('李建国', [records[0]], new Map([['c1', { unitMinutes: 60, mode: 'up' as const }]]), at('2026-04-01T00:00:00+08:00'));
    expect(r.items[0].hours).toBe(3);
    expect(r.totals.halfYear).toMatchObject({ key: '2026H1', hours: 3 });
  });
});

describe('which records are shown', () => {
  it('served ones, and upcoming ones where the person is signed up or waiting; not cancelled or unserved ones', () => {
    const upcoming = new Map([
      ['next', { status: 'waiting' as const, waitingPosition: 2 }],
      ['dropped', { status: 'cancelled' as const, waitingPosition: null }],
    ]);
    const list = [
      rec('served', '2026-11-01T09:00:00+08:00', '2026-11-01T11:00:00+08:00', '2026-11-01T09:00:00+08:00', '2026-11-01T11:00:00+08:00'),
      rec('missed', '2026-11-02T09:00:00+08:00', '2026-11-02T11:00:00+08:00', null, null),
      rec('next', '2026-12-09T09:00:00+08:00', '2026-12-09T11:00:00+08:00', null, null),
      rec('dropped', '2026-12-10T09:00:00+08:00', '2026-12-10T11:00:00+08:00', null, null),
    ];
    const r = serviceRecord('李建国', list, new Map(), at('2026-12-02T08:00:00+08:00'), upcoming);
    expect(r.items.map((i) => i.activityId)).toEqual(['next', 'served']);
    expect(r.items[0].upcoming).toEqual({ status: 'waiting', statusLabel: '候补中', waitingPosition: 2 });
    expect(r.items[1].upcoming).toBeNull();
    expect(r.totals.all).toMatchObject({ hours: 2, activities: 1 });
  });
});
