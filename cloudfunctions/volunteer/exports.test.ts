import { correctionText, servedMinutes, volunteerFilterText, volunteerHoursExport, type ExportedRecord } from './exports';

const at = (s: string) => new Date(`${s}+08:00`);
const now = at('2026-03-20T10:00:00');
const leader = { openid: 'l1', name: '刘洋' };
const record = (patch: Partial<ExportedRecord> = {}): ExportedRecord => ({
  _id: 'va1_p1',
  name: '李建国',
  activity: { title: '国庆平安巡逻', type: 'safety', teamName: '平安巡逻队', communityName: '海岸社区', start: at('2026-03-10T19:00:00'), end: at('2026-03-10T21:00:00') },
  start: at('2026-03-10T19:00:00'),
  checkInAt: at('2026-03-10T18:50:00'),
  checkOutAt: at('2026-03-10T20:35:00'),
  corrected: false,
  history: [],
  ...patch,
});
const row = (r: ExportedRecord) => Object.fromEntries(volunteerHoursExport.columns.map((c) => [c.header, c.value(r, now)]));

describe('volunteer ledger rows', () => {
  it('one person at one activity: Shanghai times, minutes inside the window only', () => {
    expect(row(record())).toEqual({
      姓名: '李建国',
      活动: '国庆平安巡逻',
      类型: '邻里安',
      服务队: '平安巡逻队',
      社区: '海岸社区',
      活动时间: '2026-03-10 19:00-21:00',
      签到: '2026-03-10 18:50',
      签退: '2026-03-10 20:35',
      '服务时长（分钟）': 95,
      更正记录: '',
    });
  });

  it('no minutes without both check-in and check-out; 0 when all of it fell outside the window', () => {
    expect(servedMinutes(record({ checkOutAt: null }))).toBe('');
    expect(servedMinutes(record({ checkInAt: at('2026-03-10T21:10:00'), checkOutAt: at('2026-03-10T21:40:00') }))).toBe(0);
  });

  it('a leader’s corrections, each with when, who and why', () => {
    const r = record({
      corrected: true,
      checkOutAt: at('2026-03-10T21:00:00'),
      history: [
        { at: at('2026-03-10T18:50:00'), kind: 'check_in', by: { openid: 'p1', name: '李建国' }, reason: null, checkInAt: at('2026-03-10T18:50:00'), checkOutAt: null },
        { at: at('2026-03-11T09:12:00'), kind: 'correct', by: leader, reason: '忘记签退，巡逻至21点', checkInAt: at('2026-03-10T18:50:00'), checkOutAt: at('2026-03-10T21:00:00') },
      ],
    });
    expect(row(r)).toMatchObject({ '服务时长（分钟）': 120, 更正记录: '2026-03-11 09:12 刘洋：忘记签退，巡逻至21点' });
    expect(correctionText(record())).toBe('');
  });

  it('filters in words and as a query on any unit of the community’s path', () => {
    expect(volunteerFilterText({})).toBe('全部');
    expect(volunteerFilterText({ type: 'care', corrected: true })).toBe('邻里情 · 经更正');
    const range = { from: at('2026-03-01T00:00:00'), to: at('2026-04-01T00:00:00') };
    expect(volunteerHoursExport.source({ _id: 's-xiangyang', level: 'street' }, { type: 'help', corrected: false }, range, now)).toMatchObject({
      collection: 'volunteerRecords',
      where: { communityPath: 's-xiangyang', 'activity.type': 'help', corrected: false },
      orderField: 'start',
    });
  });
});
