import type { BallotResult } from '../../../types/council.constants';
import type { Ballot, MatterDoc } from './model';
import { addMeeting, addProgress, advance, assertRating, closeVote, cosigned, moderate, openVote, startStage, stepOf, TALLY_GRACE_MS, windowOpen } from './stages';
import { refusal } from './eligibility';

const now = new Date('2026-12-01T02:00:00Z');
const staff = { openid: 's', name: '刘洋' };
const matter = (patch: Partial<MatterDoc> = {}): MatterDoc => ({
  _id: 'mt1',
  communityId: 'c1',
  communityName: '海岸社区',
  streetId: 's1',
  districtId: 'd1',
  gridId: 'g1',
  scope: { kind: 'building', id: 'b1', name: '1号楼' },
  title: '加装电梯',
  description: '1号楼加装电梯的意向征集',
  photos: [],
  raisedBy: { openid: 'o1', name: '王秀英' },
  raisedFrom: '1号楼',
  byStaff: false,
  stage: 'proposed',
  cosigns: 1,
  threshold: 5,
  ballot: null,
  tallyAt: null,
  result: null,
  log: [],
  createdAt: now,
  updatedAt: now,
  version: 1,
  effects: [],
  effectsPending: false,
  ...patch,
});
const ballot = (closesAt: Date): Ballot => ({
  kind: 'approval',
  options: [{ id: 'yes', label: '赞成' }, { id: 'no', label: '反对' }],
  rule: 'civil278',
  major: false,
  quorumPercent: 50,
  opensAt: now,
  closesAt,
  rollHouseholds: 10,
  roll: { id: 'rl1', households: 10, areaKnownHouseholds: 4, areaCents: 36000 },
  openedBy: staff,
});
const result = (outcome: 'passed' | 'failed') => ({ outcome, summary: outcome }) as BallotResult;

describe('提事 → 议事', () => {
  it('starts held for review when screening says so, else collecting 附议 (staff: on the agenda)', () => {
    expect(startStage(false, 'review')).toBe('review');
    expect(startStage(false, 'pass')).toBe('proposed');
    expect(startStage(true, 'pass')).toBe('agenda');
    expect(stepOf('proposed')).toBe('propose');
    expect(stepOf('review')).toBeNull();
  });

  it('goes on the agenda when 附议 reach the threshold, never lowers the count, and ignores counts in later stages', () => {
    expect(cosigned(matter(), 4, now)?.set).toEqual({ cosigns: 4, updatedAt: now });
    expect(cosigned(matter(), 5, now)?.set).toMatchObject({ cosigns: 5, stage: 'agenda' });
    expect(cosigned(matter({ cosigns: 5 }), 4, now)).toBeNull();
    expect(cosigned(matter({ stage: 'voting', cosigns: 5 }), 6, now)?.set.stage).toBeUndefined();
  });

  it('a held matter is shown or declined by staff; a shown one with enough support goes on the agenda', () => {
    expect(moderate(matter({ stage: 'review' }), staff, true, null, now).set.stage).toBe('proposed');
    expect(moderate(matter({ stage: 'review', byStaff: true }), staff, true, null, now).set.stage).toBe('agenda');
    expect(moderate(matter({ stage: 'review', cosigns: 5 }), staff, true, null, now).set.stage).toBe('agenda');
    expect(moderate(matter({ stage: 'proposed' }), staff, false, '属于物业合同范围', now)).toMatchObject({ set: { stage: 'declined' }, log: { note: '属于物业合同范围' } });
    expect(() => moderate(matter({ stage: 'voting' }), staff, true, null, now)).toThrow('不能审核通过');
  });
});

describe('表决', () => {
  const closesAt = new Date(now.getTime() + 3600_000);

  it('opens only on the agenda, with a closing time ahead, and sets the tally timer after a grace', () => {
    const t = openVote(matter({ stage: 'agenda' }), ballot(closesAt), now);
    expect(t.set).toMatchObject({ stage: 'voting', tallyAt: new Date(closesAt.getTime() + TALLY_GRACE_MS) });
    // Its roll's residents are told, by an effect whose id is the opening's.
    expect(t.effects).toEqual([{ id: 'mt1_v2_announce', kind: 'announce', rollId: 'rl1' }]);
    // The log residents read gives the close in Shanghai time (03:00Z is 11:00 there).
    expect(t.log?.note).toContain('截止2026年12月01日 11:00');
    expect(() => openVote(matter({ stage: 'proposed' }), ballot(closesAt), now)).toThrow('不能发起表决');
    expect(() => openVote(matter({ stage: 'agenda' }), ballot(now), now)).toThrow('截止时间须晚于现在');
  });

  it('takes votes from the opening up to (not at) the closing instant', () => {
    const doc = matter({ stage: 'voting', ballot: ballot(closesAt) });
    expect(windowOpen(doc, now)).toBe(true);
    expect(windowOpen(doc, new Date(closesAt.getTime() - 1))).toBe(true);
    expect(windowOpen(doc, closesAt)).toBe(false);
    expect(windowOpen(doc, new Date(now.getTime() - 1))).toBe(false);
    expect(windowOpen(matter({ stage: 'doing', ballot: ballot(closesAt) }), now)).toBe(false);
  });

  it('closes after the window: passed → 办事, failed → closed; once only; not before the close', () => {
    const doc = matter({ stage: 'voting', ballot: ballot(closesAt) });
    const later = new Date(closesAt.getTime() + 1);
    expect(closeVote(doc, result('passed'), later)?.set).toMatchObject({ stage: 'doing', tallyAt: null });
    expect(closeVote(doc, result('failed'), later)?.set.stage).toBe('closed');
    expect(closeVote(matter({ stage: 'doing', ballot: ballot(closesAt) }), result('passed'), later)).toBeNull();
    expect(() => closeVote(doc, result('passed'), now)).toThrow('表决尚未结束');
  });
});

describe('办事 → 评事 → closed', () => {
  it('advances doing → rating → closed and nothing else', () => {
    expect(advance(matter({ stage: 'doing' }), staff, '已完成施工', now)).toMatchObject({ set: { stage: 'rating' }, log: { kind: 'done', note: '已完成施工' } });
    expect(advance(matter({ stage: 'rating' }), staff, null, now).set.stage).toBe('closed');
    expect(() => advance(matter({ stage: 'agenda' }), staff, null, now)).toThrow('不能推进');
  });
});

describe('议事 meetings', () => {
  it('records minutes only while the matter is on the agenda', () => {
    const meeting = { day: '2026-12-05', place: '社区议事厅', minutes: '到会住户12户，同意按方案表决。', by: staff, at: now };
    expect(addMeeting(matter({ stage: 'agenda' }), meeting)).toMatchObject({ meetings: [meeting], log: { kind: 'meeting', note: '2026-12-05 社区议事厅' } });
    expect(() => addMeeting(matter({ stage: 'voting' }), meeting)).toThrow('不能登记会议纪要');
  });
});

describe('办事 progress and 评事', () => {
  const step = { at: now, note: '已完成选址', photos: [], owner: '刘洋', dueDay: '2026-12-20', by: staff };
  it('records progress only while doing, logged with its note', () => {
    expect(addProgress(matter({ stage: 'doing' }), step)).toMatchObject({ progress: [step], log: { kind: 'progress', note: '已完成选址' } });
    expect(() => addProgress(matter({ stage: 'rating' }), step)).toThrow('不能登记办理进展');
  });
  it('takes ratings only while 待评价', () => {
    expect(() => assertRating(matter({ stage: 'rating' }))).not.toThrow();
    expect(() => assertRating(matter({ stage: 'doing' }))).toThrow('办结后才能评价');
    expect(() => assertRating(matter({ stage: 'closed' }))).toThrow('评价已结束');
  });
});

describe('eligibility', () => {
  const res = { status: 'verified' as const, buildingId: 'b1', estateId: 'e1', communityId: 'c1' };
  it('only a verified household in scope takes part', () => {
    expect(refusal(res, { kind: 'building', id: 'b1' })).toBeNull();
    expect(refusal(res, { kind: 'estate', id: 'e1' })).toBeNull();
    expect(refusal(res, { kind: 'community', id: 'c1' })).toBeNull();
    expect(refusal(res, { kind: 'building', id: 'b2' })).toBe('outOfScope');
    expect(refusal({ ...res, status: 'revoked' }, { kind: 'building', id: 'b1' })).toBe('unverified');
    expect(refusal({ ...res, status: 'pending' }, { kind: 'building', id: 'b1' })).toBe('unverified');
    expect(refusal(null, { kind: 'community', id: 'c1' })).toBe('unverified');
  });
});
