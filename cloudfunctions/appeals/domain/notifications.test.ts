import { actors, appeal } from './fixtures';
import { noticesFor, residentPage, staffPage } from './notifications';
import { applyTransition, claim, escalate, resolve, rate } from './stateMachine';

const now = new Date('2026-03-10T10:00:00+08:00');
const grid = { openid: 'gw1', name: '张网格' };
const community = { openid: 'cs1', name: '刘社工' };

describe('notices', () => {
  test('filing: 受理通知 to the resident, 新工单 to the holder staff', () => {
    const a = appeal();
    // Filing passes no actor: the acceptance notice is for the resident who filed.
    const withNoActor = noticesFor({ kind: 'file' }, null, a, null, { holderStaff: [grid] }, now);
    expect(withNoActor.map((m) => [m.toOpenid, m.template])).toEqual([
      ['r1', 'appealAccepted'],
      ['gw1', 'staffNewTask'],
    ]);
    expect(withNoActor[0]).toMatchObject({ page: residentPage('a1'), data: { character_string1: 'YT20260310-A1', thing2: '环境卫生', time3: '2026年03月10日 09:00', thing4: '幸福里第一网格' } });
    expect(withNoActor[1]).toMatchObject({ page: staffPage('a1'), data: { phrase5: '群众上报', thing3: '幸福里小区幸福里1号楼' } });
  });

  test('claim: 办理进度 to the resident, not to the claimer', () => {
    const t = claim(appeal(), grid, { now });
    const msgs = noticesFor(t, appeal(), applyTransition(appeal(), t), 'gw1', { holderStaff: [grid] }, now);
    expect(msgs).toHaveLength(1);
    expect(msgs[0]).toMatchObject({ toOpenid: 'r1', template: 'appealProgress', data: { phrase3: '已签收', thing4: '张网格已签收，正在办理' } });
  });

  test('resolve: 办结待评价 to the resident, progress to followers', () => {
    const p = applyTransition(appeal({ followers: ['r2'] }), claim(appeal({ followers: ['r2'] }), grid, { now }));
    const t = resolve(p, grid, '楼道杂物已全部清理完毕，并在每层张贴了禁止堆放的提示', [], { now });
    const msgs = noticesFor(t, p, applyTransition(p, t), 'gw1', { holderStaff: [] }, now);
    expect(msgs.map((m) => [m.toOpenid, m.template])).toEqual([
      ['r1', 'appealResolved'],
      ['r2', 'appealProgress'],
    ]);
    expect(Array.from(msgs[0].data.thing3)).toHaveLength(20);
  });

  test('overdue escalation: 已超期升级 to the new level and the accountable person, progress to the resident', () => {
    const p = applyTransition(appeal(), claim(appeal(), grid, { now }));
    const t = escalate(p, null, 'resolve_overdue', null, { now });
    const msgs = noticesFor(t, p, applyTransition(p, t), null, { holderStaff: [community] }, now);
    expect(msgs.map((m) => [m.toOpenid, m.template])).toEqual([
      ['r1', 'appealProgress'],
      ['cs1', 'staffEscalated'],
      ['gw1', 'staffEscalated'],
    ]);
    expect(msgs[1].data).toMatchObject({ thing3: '幸福里社区（社区工作站）', name5: '张网格' });
  });

  test('a second 不满意: 新工单 to the next level and the first responder hears of it', () => {
    const resolved = appeal({ status: 'resolved', handler: grid, firstResponder: grid, dissatisfiedCount: 1 });
    const t = rate(resolved, { openid: 'r1', name: '王秀英' }, 'dissatisfied', null, { now });
    const msgs = noticesFor(t, resolved, applyTransition(resolved, t), 'r1', { holderStaff: [community] }, now);
    expect(msgs.map((m) => [m.toOpenid, m.template])).toEqual([
      ['cs1', 'staffNewTask'],
      ['gw1', 'staffEscalated'],
    ]);
  });

  test('one message per person and template', () => {
    const p = appeal({ firstResponder: community });
    const t = escalate(p, null, 'respond_overdue', null, { now });
    const msgs = noticesFor(t, p, applyTransition(p, t), null, { holderStaff: [community] }, now);
    expect(msgs.filter((m) => m.toOpenid === 'cs1')).toHaveLength(1);
  });

  test('actors fixture has the ids the notices use', () => expect(actors.grid.openid).toBe(grid.openid));
});
