import { actors, appeal, place, T0 } from './fixtures';
import { applyTransition, autoClose, claim, escalate, file, follow, press, rate, reply, resolve, transfer, warn } from './stateMachine';
import { route } from './routing';
import { holderFor } from './routing';
import { formatShanghai } from '../../core/time/workingTime';
import type { AppError } from '../../core/errors';

const at = (s: string) => new Date(`${s}+08:00`);
const ctx = { now: at('2026-03-10T10:00:00') };
const p = (a: { openid: string; name: string }) => ({ openid: a.openid, name: a.name });
const grid = p(actors.grid);
const community = p(actors.community);
const resident = p(actors.resident);

function conflictOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect((e as AppError).code).toBe('CONFLICT');
    return (e as AppError).message;
  }
  throw new Error('expected CONFLICT');
}

describe('filing', () => {
  test('a new appeal is pending at the routed holder, with both clocks in working time and the rule on the timeline', () => {
    const decision = route('elevator', place, null);
    const a = file(
      { _id: 'a1', no: 'YT1', requestId: 'r', resident: { openid: 'r1', name: '王秀英', phone: null, anonymous: false }, category: 'elevator', description: '电梯停了', photos: [], place, filedDay: '2026-09-30' },
      decision,
      { now: at('2026-09-30T17:30:00') },
    );
    expect(a).toMatchObject({ status: 'pending', level: 'grid', holderKey: 'property:pc1', propertyCompanyId: 'pc1', dueKind: 'respond', version: 1 });
    expect(formatShanghai(a.deadlines.respondBy, 'YYYY-MM-DD HH:mm')).toBe('2026-10-08 09:30');
    expect(formatShanghai(a.deadlines.resolveBy, 'YYYY-MM-DD HH:mm')).toBe('2026-10-09 17:30');
    expect(a.escalateAt).toEqual(a.deadlines.respondBy);
    expect(a.timeline.map((e) => e.kind)).toEqual(['filed', 'routed']);
    expect(a.timeline[1].meta).toMatchObject({ rule: '电梯故障→小区物业公司', target: 'property', source: 'city' });
  });

  test('a non-property category is not visible to the property company', () => {
    const a = file(
      { _id: 'a1', no: 'YT1', requestId: 'r', resident: { openid: 'r1', name: '王', phone: null, anonymous: false }, category: 'sanitation', description: '垃圾', photos: [], place, filedDay: '2026-03-10' },
      route('sanitation', place, null),
      ctx,
    );
    expect(a.propertyCompanyId).toBeNull();
  });
});

describe('claim (首问负责制)', () => {
  test('the first claimer becomes handler and first responder; the resolve clock starts to count', () => {
    const t = claim(appeal(), grid, ctx);
    const a = applyTransition(appeal(), t);
    expect(a).toMatchObject({ status: 'processing', handler: grid, firstResponder: grid, dueKind: 'resolve', version: 2 });
    expect(a.dueAt).toEqual(a.deadlines.resolveBy);
    expect(a.firstRespondedAt).toEqual(ctx.now);
  });

  test('a second claim is a CONFLICT naming who has it', () => {
    const a = applyTransition(appeal(), claim(appeal(), grid, ctx));
    expect(conflictOf(() => claim(a, community, ctx))).toBe('该诉求已由张网格签收');
    expect(conflictOf(() => claim(a, grid, ctx))).toBe('您已签收该诉求');
  });

  test('after a transfer the first responder stays accountable', () => {
    let a = applyTransition(appeal(), claim(appeal(), grid, ctx));
    const t = transfer(a, grid, holderFor('community', place)!, 'community', '需社区协调', ctx);
    expect(t.timeline[0].text).toBe('转至幸福里社区：需社区协调');
    a = applyTransition(a, t);
    expect(a).toMatchObject({ status: 'pending', handler: null, firstResponder: grid, level: 'community', holderKey: 'unit:c1' });
    a = applyTransition(a, claim(a, community, ctx));
    expect(a).toMatchObject({ handler: community, firstResponder: grid });
  });
});

describe('invalid transitions are CONFLICT', () => {
  test('reply, resolve before claim', () => {
    expect(conflictOf(() => reply(appeal(), grid, 'x', [], ctx))).toBe('请先签收该诉求再回复');
    expect(conflictOf(() => resolve(appeal(), grid, 'x', [], ctx))).toBe('请先签收该诉求再办结');
  });
  test('someone other than the handler cannot resolve', () => {
    const a = applyTransition(appeal(), claim(appeal(), grid, ctx));
    expect(conflictOf(() => resolve(a, community, 'x', [], ctx))).toBe('该诉求正由张网格办理，您不能办结');
  });
  test('nothing but rating on a resolved appeal; nothing at all on a closed one', () => {
    const resolved = appeal({ status: 'resolved', handler: grid });
    expect(conflictOf(() => claim(resolved, grid, ctx))).toBe('该诉求已办结，不能签收');
    expect(conflictOf(() => press(resolved, community, 'x', ctx))).toBe('该诉求已办结，不能督办');
    const closed = appeal({ status: 'closed' });
    expect(conflictOf(() => rate(closed, resident, 'satisfied', null, ctx))).toBe('该诉求已完结，不能再评价');
    expect(conflictOf(() => rate(appeal(), resident, 'satisfied', null, ctx))).toBe('诉求办结后才能评价');
  });
  test('transfer to where it already is', () => {
    expect(conflictOf(() => transfer(appeal(), grid, holderFor('grid', place)!, 'grid', '理由', ctx))).toBe('该诉求已在幸福里第一网格，无需转办');
  });
  test('no level above the district', () => {
    expect(conflictOf(() => escalate(appeal({ level: 'district' }), null, 'manual', null, ctx))).toBe('该诉求已在区市指挥中心，无法再上报');
  });
});

describe('resolve and rate', () => {
  const processing = () => applyTransition(appeal(), claim(appeal(), grid, ctx));
  const resolvedBy = (a = processing()) => applyTransition(a, resolve(a, grid, '已清理', ['cloud://x'], ctx));

  test('resolving stops the clocks and schedules the unrated close in 7 days', () => {
    const a = resolvedBy();
    expect(a).toMatchObject({ status: 'resolved', dueAt: null, warnAt: null, warnNoticeAt: null, escalateAt: null, firstResolvedAt: ctx.now });
    expect(a.autoCloseAt).toEqual(new Date(ctx.now.getTime() + 7 * 86_400_000));
  });

  test('满意 closes it', () => {
    const a = resolvedBy();
    const t = rate(a, resident, 'satisfied', '很及时', ctx);
    expect(t.outcome).toBe('closed');
    expect(applyTransition(a, t)).toMatchObject({ status: 'closed', closeReason: 'rated', rating: { value: 'satisfied', comment: '很及时' } });
  });

  test('the first 不满意 reopens to the same handler; the second escalates one level', () => {
    let a = resolvedBy();
    const first = rate(a, resident, 'dissatisfied', '没扫干净', ctx);
    expect(first.outcome).toBe('reopened');
    a = applyTransition(a, first);
    expect(a).toMatchObject({ status: 'processing', handler: grid, dissatisfiedCount: 1, level: 'grid', dueKind: 'resolve' });
    expect(a.timeline.map((e) => e.kind).slice(-2)).toEqual(['rated', 'reopened']);
    a = resolvedBy(a);
    const second = rate(a, resident, 'dissatisfied', '还是不行', ctx);
    expect(second.outcome).toBe('escalated');
    expect(second.escalation).toMatchObject({ reason: 'dissatisfied', to: { level: 'community', id: 'c1' } });
    a = applyTransition(a, second);
    expect(a).toMatchObject({ status: 'pending', level: 'community', handler: null, firstResponder: grid, dissatisfiedCount: 2, escalationCount: 1 });
  });

  test('at the district a second 不满意 closes it as 不满意', () => {
    const a = appeal({ status: 'resolved', level: 'district', holder: { kind: 'unit', level: 'district', id: 'd1', name: '芝罘区' }, handler: grid, dissatisfiedCount: 1 });
    const t = rate(a, resident, 'dissatisfied', null, ctx);
    expect(t.outcome).toBe('closedAtTop');
    expect(applyTransition(a, t)).toMatchObject({ status: 'closed', closeReason: 'top_dissatisfied' });
  });

  test('auto close only after 7 days', () => {
    const a = resolvedBy();
    expect(conflictOf(() => autoClose(a, { now: new Date(ctx.now.getTime() + 6 * 86_400_000) }))).toBe('尚未到自动完结时间');
    const closed = applyTransition(a, autoClose(a, { now: new Date(ctx.now.getTime() + 7 * 86_400_000) }));
    expect(closed).toMatchObject({ status: 'closed', closeReason: 'auto', rating: null });
  });
});

describe('escalation (下呼上应)', () => {
  test('overdue at the grid goes to the community with fresh clocks; the next level up is the street', () => {
    const now = at('2026-03-10T14:00:00');
    const t = escalate(appeal(), null, 'respond_overdue', null, { now });
    const a = applyTransition(appeal(), t);
    expect(a).toMatchObject({ level: 'community', holder: { kind: 'unit', id: 'c1' }, status: 'pending', escalationCount: 1 });
    expect(a.escalateAt!.getTime()).toBeGreaterThan(now.getTime());
    expect(t.timeline[0].text).toBe('幸福里第一网格超期未响应，升级至幸福里社区');
    expect(t.timeline[0].actor).toEqual({ kind: 'system', name: '系统' });
  });

  test('property holders escalate to the community; enforcement to the district', () => {
    const prop = appeal({ holder: { kind: 'property', level: 'grid', id: 'pc1', name: '安居物业' }, holderKey: 'property:pc1' });
    expect(escalate(prop, null, 'resolve_overdue', null, ctx).escalation?.to).toMatchObject({ level: 'community', id: 'c1' });
    const enf = appeal({ level: 'street', holder: { kind: 'enforcement', level: 'street', id: 's1', name: '只楚街道综合执法队' }, holderKey: 'enforcement:s1' });
    expect(escalate(enf, null, 'resolve_overdue', null, ctx).escalation?.to).toMatchObject({ level: 'district', id: 'd1' });
  });

  test('at the district nothing can escalate by time: escalateAt is cleared', () => {
    let a = appeal({ level: 'street', holder: { kind: 'unit', level: 'street', id: 's1', name: '只楚街道' } });
    a = applyTransition(a, escalate(a, null, 'manual', '需区级协调', ctx));
    expect(a).toMatchObject({ level: 'district', escalateAt: null });
    expect(a.dueAt).not.toBeNull();
  });

  test('a handler can hand it up; someone else cannot while it is being handled', () => {
    const a = applyTransition(appeal(), claim(appeal(), grid, ctx));
    const up = escalate(a, grid, 'manual', '需社区协调', ctx);
    expect(up.escalation?.to.level).toBe('community');
    expect(up.timeline[0]).toMatchObject({ text: '上报至幸福里社区：需社区协调', actor: { kind: 'staff', name: '张网格' } });
    expect(conflictOf(() => escalate(a, community, 'manual', 'x', ctx))).toBe('该诉求正由张网格办理，您不能上报');
  });
});

describe('other transitions', () => {
  test('press counts and records the note', () => {
    const t = press(appeal(), community, '请今天处理', ctx);
    expect(t.patch.pressCount).toBe(1);
    expect(t.timeline[0]).toMatchObject({ kind: 'pressed', text: '请今天处理' });
  });
  test('warn clears the notice timer (not warnAt, which the inbox filters on) once it is due', () => {
    expect(warn(appeal(), { now: at('2026-03-10T12:30:00') }).patch).toEqual({ warnNoticeAt: null });
    expect(() => warn(appeal(), { now: at('2026-03-10T11:00:00') })).toThrow();
  });
  test('follow adds a follower and says so on the timeline', () => {
    const t = follow(appeal(), 'r2', ctx);
    expect(t.patch).toMatchObject({ followers: ['r2'], followerCount: 1 });
    expect(t.timeline[0].text).toBe('又有1位居民反映了同样的问题（共2人）');
  });
  test('reply records text and photos', () => {
    const a = applyTransition(appeal(), claim(appeal(), grid, ctx));
    expect(reply(a, grid, '已联系保洁', ['cloud://p'], ctx).timeline[0]).toMatchObject({ kind: 'replied', text: '已联系保洁', photos: ['cloud://p'] });
  });
});

test('fixture sanity', () => expect(T0.toISOString()).toBe('2026-03-10T01:00:00.000Z'));
