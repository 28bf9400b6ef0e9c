import type { Ballot } from './domain/model';
import { councilFilterText, councilMattersExport, type ExportedMatter } from './exports';

const now = new Date('2026-03-20T10:00:00+08:00');
const matter = (patch: Partial<ExportedMatter> = {}): ExportedMatter => ({
  _id: 'mt1',
  title: '1号楼加装电梯',
  communityName: '海岸社区',
  scope: { kind: 'building', id: 'b1', name: '1号楼' },
  raisedFrom: '1号楼',
  byStaff: false,
  createdAt: new Date('2026-03-01T09:05:00+08:00'),
  stage: 'proposed',
  cosigns: 3,
  threshold: 5,
  ballot: null,
  result: null,
  ...patch,
});
const row = (m: ExportedMatter) => Object.fromEntries(councilMattersExport.columns.map((c) => [c.header, c.value(m, now)]));
const ballot: Ballot = {
  kind: 'approval',
  options: [{ id: 'yes', label: '赞成' }, { id: 'no', label: '反对' }, { id: 'abstain', label: '弃权' }],
  rule: 'civil278',
  major: true,
  quorumPercent: 67,
  opensAt: new Date('2026-03-10T08:00:00+08:00'),
  closesAt: new Date('2026-03-17T20:00:00+08:00'),
  rollHouseholds: 18,
  roll: { id: 'r1', households: 18, areaKnownHouseholds: 0, areaCents: 0 },
  openedBy: { openid: 's1', name: '刘洋' },
};

describe('council ledger rows', () => {
  it('a matter collecting 附议: who raised it (a building, never a room), Shanghai time, no vote yet', () => {
    expect(row(matter())).toMatchObject({
      编号: 'mt1',
      议题: '1号楼加装电梯',
      范围: '本楼栋：1号楼',
      提出: '居民（1号楼）',
      提出时间: '2026-03-01 09:05',
      阶段: '征集附议',
      附议: '3/5 户',
      议事会议: 0,
      表决规则: '',
      参与户数: '',
      表决结果: '',
      办理进展: '',
    });
  });

  it('a decided matter being done: the rule, turnout of the roll, the result and the latest step', () => {
    const m = matter({
      stage: 'doing',
      byStaff: true,
      ballot,
      result: { outcome: 'passed', winner: 'yes', eligibleHouseholds: 18, votedHouseholds: 14, eligibleArea: 0, votedArea: 0, areaKnownHouseholds: 0, options: [], checks: [], summary: '14 户参与，12 户赞成' },
      meetings: [{ day: '2026-03-05', place: '社区议事厅', minutes: '同意进入表决', by: { openid: 's1', name: '刘洋' }, at: now }],
      progress: [
        { at: new Date('2026-03-18T09:00:00+08:00'), note: '联系施工单位', photos: [], owner: null, dueDay: null, by: { openid: 's1', name: '刘洋' } },
        { at: new Date('2026-03-19T16:30:00+08:00'), note: '完成勘测', photos: [], owner: '安居物业', dueDay: '2026-04-30', by: { openid: 's1', name: '刘洋' } },
      ],
    });
    expect(row(m)).toMatchObject({
      提出: '社区提出',
      阶段: '办理中',
      议事会议: 1,
      表决规则: '民法典第278条（重大事项）',
      表决截止: '2026-03-17 20:00',
      参与户数: '14/18 户',
      表决结果: '通过：14 户参与，12 户赞成',
      办理进展: '共 2 条，最新 2026-03-19 16:30：完成勘测（安居物业，2026-04-30 前）',
    });
  });

  it('while voting: turnout against the roll, no result', () => {
    expect(row(matter({ stage: 'voting', ballot }))).toMatchObject({ 参与户数: '表决中（应参与 18 户）', 表决结果: '' });
  });

  it('filters in words and as a query on the unit’s own field', () => {
    expect(councilFilterText({})).toBe('全部');
    expect(councilFilterText({ stage: 'closed', scope: 'estate' })).toBe('已结束 · 本小区');
    const range = { from: new Date('2026-03-01T00:00:00+08:00'), to: new Date('2026-04-01T00:00:00+08:00') };
    expect(councilMattersExport.source({ _id: 's-xiangyang', level: 'street' }, { stage: 'voting' }, range, now)).toMatchObject({
      collection: 'councilMatters',
      where: { streetId: 's-xiangyang', stage: 'voting' },
      orderField: 'createdAt',
    });
    expect(councilMattersExport.source({ _id: 'g1', level: 'grid' }, { scope: 'building' }, range, now).where).toEqual({ gridId: 'g1', 'scope.kind': 'building' });
  });
});
