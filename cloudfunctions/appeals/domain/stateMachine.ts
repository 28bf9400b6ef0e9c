/**
 * The appeal's life as pure transitions: each takes the appeal as it is and returns what changes and
 * what the timeline gains, or throws CONFLICT when the command does not fit the current state.
 *
 *   pending ──claim──▶ processing ──resolve──▶ resolved ──rate 满意/基本满意──▶ closed
 *      ▲  ▲               │  ▲                   │ └──7 days unrated──────────▶ closed
 *      │  └──transfer─────┘  └──rate 不满意 (1st: back to the same handler)
 *      └──escalate (overdue / manual / 2nd 不满意: one level up)
 */
import {
  APPEAL_CATEGORIES,
  APPEAL_LIMITS,
  RATING_LABELS,
  type AppealCategory,
  type EscalationReason,
  type Rating,
  type RoutingTarget,
} from '../../../types/appeals';
import type { OrgLevel } from '../../../types/org.constants';
import { conflict } from '../../core/errors';
import { resolveClock, respondClock, type Clock } from './deadlines';
import {
  holderKey,
  isOpen,
  levelAbove,
  orgHolder,
  type ActorRef,
  type AppealDoc,
  type AppealState,
  type Holder,
  type Person,
  type TimelineEntry,
} from './model';
import type { RouteDecision } from './routing';
import { defaultSchedule, type WorkSchedule } from '../../core/time/workingTime';

export type TransitionKind =
  | 'claim'
  | 'reply'
  | 'transfer'
  | 'resolve'
  | 'press'
  | 'escalate'
  | 'rate'
  | 'autoClose'
  | 'warn'
  | 'follow'
  | 'approve';

export interface Transition {
  kind: TransitionKind;
  patch: Partial<AppealState>;
  timeline: TimelineEntry[];
  /** Present when the appeal moved up a level: feeds the bulletin and the notices. */
  escalation?: { reason: EscalationReason; from: Holder; to: Holder };
  /** For `rate`: what became of the appeal. */
  outcome?: 'closed' | 'reopened' | 'escalated' | 'closedAtTop';
}

export interface Ctx {
  now: Date;
  schedule?: WorkSchedule;
}

const staffRef = (p: Person): ActorRef => ({ kind: 'staff', openid: p.openid, name: p.name });
const SYSTEM: ActorRef = { kind: 'system', name: '系统' };

function entry(at: Date, kind: TimelineEntry['kind'], actor: ActorRef, text: string | null = null, extra: Partial<TimelineEntry> = {}): TimelineEntry {
  return { at, kind, actor, text, photos: [], meta: null, ...extra };
}

const categoryIsProperty = (c: AppealCategory) => APPEAL_CATEGORIES[c].kind === 'property';

function requireOpen(a: AppealDoc, what: string): void {
  if (a.status === 'resolved') throw conflict(`该诉求已办结，不能${what}`);
  if (a.status === 'closed') throw conflict(`该诉求已完结，不能${what}`);
}

/** While someone handles it, only they may act on it. */
function requireNotHeldByOther(a: AppealDoc, actor: Person, what: string): void {
  if (a.status === 'processing' && a.handler?.openid !== actor.openid) {
    throw conflict(`该诉求正由${a.handler?.name ?? '他人'}办理，您不能${what}`);
  }
}

function requireHandler(a: AppealDoc, actor: Person, what: string): void {
  if (a.status === 'pending') throw conflict(`请先签收该诉求再${what}`);
  requireOpen(a, what);
  requireNotHeldByOther(a, actor, what);
}

type ClockFields = Pick<AppealState, 'dueKind' | 'dueAt' | 'warnAt' | 'warnNoticeAt' | 'escalateAt'>;

/** The active clock's fields: staff see 即将超期 from `warnAt`, and below the district it escalates at `dueAt`. */
function activeClock(kind: 'respond' | 'resolve', clock: Clock, level: OrgLevel): ClockFields {
  return {
    dueKind: kind,
    dueAt: clock.dueAt,
    warnAt: clock.warnAt,
    warnNoticeAt: clock.warnAt,
    escalateAt: levelAbove(level) ? clock.dueAt : null,
  };
}

const NO_CLOCK: ClockFields = { dueKind: null, dueAt: null, warnAt: null, warnNoticeAt: null, escalateAt: null };

function closing(reason: NonNullable<AppealDoc['closeReason']>, now: Date): Pick<AppealState, 'status' | 'closedAt' | 'closeReason' | 'autoCloseAt' | 'lastActivityAt'> {
  return { status: 'closed', closedAt: now, closeReason: reason, autoCloseAt: null, lastActivityAt: now };
}

/** The clock fields of a pending stage at `holder`, with a fresh response clock from now. */
function pendingStage(a: AppealDoc, holder: Holder, ctx: Ctx, resetResolve: boolean): Partial<AppealState> {
  const schedule = ctx.schedule ?? defaultSchedule;
  const respond = respondClock(a.category, ctx.now, schedule);
  let resolveBy = a.deadlines.resolveBy;
  let resolveWarnAt = a.deadlines.resolveWarnAt;
  if (resetResolve || resolveBy.getTime() <= respond.dueAt.getTime()) {
    const resolve = resolveClock(a.category, ctx.now, schedule);
    resolveBy = resolve.dueAt;
    resolveWarnAt = resolve.warnAt;
  }
  return {
    status: 'pending',
    holder,
    holderKey: holderKey(holder),
    level: holder.level,
    handler: null,
    deadlines: { ...a.deadlines, respondBy: respond.dueAt, respondWarnAt: respond.warnAt, resolveBy, resolveWarnAt },
    ...activeClock('respond', respond, holder.level),
    autoCloseAt: null,
    resolvedAt: null,
    lastActivityAt: ctx.now,
  };
}

function processingStage(a: AppealDoc, deadlines: AppealDoc['deadlines'], now: Date): Partial<AppealState> {
  return {
    status: 'processing',
    deadlines,
    ...activeClock('resolve', { dueAt: deadlines.resolveBy, warnAt: deadlines.resolveWarnAt }, a.level),
    autoCloseAt: null,
    resolvedAt: null,
    lastActivityAt: now,
  };
}

export function claim(a: AppealDoc, actor: Person, ctx: Ctx): Transition {
  if (a.status === 'processing') {
    throw conflict(a.handler?.openid === actor.openid ? '您已签收该诉求' : `该诉求已由${a.handler?.name ?? '他人'}签收`);
  }
  requireOpen(a, '签收');
  const first = a.firstResponder ?? actor;
  return {
    kind: 'claim',
    patch: {
      ...processingStage(a, a.deadlines, ctx.now),
      handler: actor,
      firstResponder: first,
      firstRespondedAt: a.firstRespondedAt ?? ctx.now,
    },
    timeline: [
      entry(ctx.now, 'claimed', staffRef(actor), a.firstResponder ? `${actor.name}签收办理` : `${actor.name}签收办理（首问责任人）`),
    ],
  };
}

export function reply(a: AppealDoc, actor: Person, text: string, photos: string[], ctx: Ctx): Transition {
  requireHandler(a, actor, '回复');
  return {
    kind: 'reply',
    patch: { lastActivityAt: ctx.now },
    timeline: [entry(ctx.now, 'replied', staffRef(actor), text, { photos })],
  };
}

export function transfer(a: AppealDoc, actor: Person, to: Holder, target: RoutingTarget, reason: string, ctx: Ctx): Transition {
  requireOpen(a, '转办');
  requireNotHeldByOther(a, actor, '转办');
  if (holderKey(to) === a.holderKey) throw conflict(`该诉求已在${to.name}，无需转办`);
  return {
    kind: 'transfer',
    patch: {
      ...pendingStage(a, to, ctx, false),
      propertyCompanyId: to.kind === 'property' ? to.id : a.propertyCompanyId,
    },
    timeline: [
      entry(ctx.now, 'transferred', staffRef(actor), `转至${to.name}：${reason}`, {
        meta: { from: a.holder.name, to: to.name, target, note: `由${a.holder.name}转至${to.name}` },
      }),
    ],
  };
}

export function resolve(a: AppealDoc, actor: Person, text: string, photos: string[], ctx: Ctx): Transition {
  requireHandler(a, actor, '办结');
  return {
    kind: 'resolve',
    patch: {
      status: 'resolved',
      resolvedAt: ctx.now,
      firstResolvedAt: a.firstResolvedAt ?? ctx.now,
      resolution: { text, photos, at: ctx.now, by: actor },
      ...NO_CLOCK,
      autoCloseAt: new Date(ctx.now.getTime() + APPEAL_LIMITS.autoCloseDays * 24 * 3600_000),
      lastActivityAt: ctx.now,
    },
    timeline: [entry(ctx.now, 'resolved', staffRef(actor), text, { photos })],
  };
}

export function press(a: AppealDoc, actor: Person, note: string, ctx: Ctx): Transition {
  requireOpen(a, '督办');
  return {
    kind: 'press',
    patch: { pressCount: a.pressCount + 1, lastActivityAt: ctx.now },
    timeline: [entry(ctx.now, 'pressed', staffRef(actor), note, { meta: { holder: a.holder.name } })],
  };
}

/** 内容审核: staff pass a description content security held back, so neighbours may see it. */
export function approve(a: AppealDoc, actor: Person, ctx: Ctx): Transition {
  if (a.screening !== 'review') throw conflict('该诉求的内容无需审核');
  return {
    kind: 'approve',
    patch: { screening: 'pass' },
    timeline: [entry(ctx.now, 'approved', staffRef(actor), null)],
  };
}

/** One level up (下呼上应). `by` is a staff member (上报) or the system (overdue). */
export function escalate(a: AppealDoc, by: Person | null, reason: EscalationReason, note: string | null, ctx: Ctx): Transition {
  if (a.status === 'closed') throw conflict('该诉求已完结，不能上报');
  if (a.status === 'resolved' && reason !== 'dissatisfied') throw conflict('该诉求已办结，不能上报');
  if (by) requireNotHeldByOther(a, by, '上报');
  const up = levelAbove(a.level);
  if (!up) throw conflict('该诉求已在区市指挥中心，无法再上报');
  const to = orgHolder(a.place, up);
  const text =
    reason === 'respond_overdue' || reason === 'resolve_overdue'
      ? `${a.holder.name}${reason === 'respond_overdue' ? '超期未响应' : '超期未办结'}，升级至${to.name}`
      : `上报至${to.name}${note ? `：${note}` : ''}`;
  return {
    kind: 'escalate',
    patch: { ...pendingStage(a, to, ctx, true), escalationCount: a.escalationCount + 1 },
    timeline: [
      entry(ctx.now, 'escalated', by ? staffRef(by) : SYSTEM, text, { meta: { from: a.holder.name, to: to.name, reason } }),
    ],
    escalation: { reason, from: a.holder, to },
  };
}

export function rate(a: AppealDoc, resident: Person, value: Rating, comment: string | null, ctx: Ctx): Transition {
  if (a.status !== 'resolved') {
    throw conflict(a.status === 'closed' ? '该诉求已完结，不能再评价' : '诉求办结后才能评价');
  }
  const rating = { value, comment, at: ctx.now };
  const rated = entry(ctx.now, 'rated', { kind: 'resident', openid: resident.openid, name: resident.name }, comment ? `${RATING_LABELS[value]}：${comment}` : RATING_LABELS[value], {
    meta: { rating: value },
  });
  if (value !== 'dissatisfied') {
    return {
      kind: 'rate',
      outcome: 'closed',
      patch: { rating, ...closing('rated', ctx.now) },
      timeline: [rated],
    };
  }
  const dissatisfiedCount = a.dissatisfiedCount + 1;
  if (dissatisfiedCount === 1 && a.handler) {
    // The first 不满意 goes back once to the same handler, with a fresh resolution clock.
    const resolve = resolveClock(a.category, ctx.now, ctx.schedule ?? defaultSchedule);
    const deadlines = { ...a.deadlines, resolveBy: resolve.dueAt, resolveWarnAt: resolve.warnAt };
    return {
      kind: 'rate',
      outcome: 'reopened',
      patch: { ...processingStage(a, deadlines, ctx.now), rating, dissatisfiedCount },
      timeline: [rated, entry(ctx.now, 'reopened', SYSTEM, `群众不满意，退回${a.handler.name}重新办理`)],
    };
  }
  if (levelAbove(a.level)) {
    const up = escalate(a, null, 'dissatisfied', null, ctx);
    const to = up.escalation!.to;
    return {
      ...up,
      kind: 'rate',
      outcome: 'escalated',
      patch: { ...up.patch, rating, dissatisfiedCount },
      timeline: [rated, { ...up.timeline[0], text: `群众再次不满意，升级至${to.name}办理` }],
    };
  }
  return {
    kind: 'rate',
    outcome: 'closedAtTop',
    patch: { rating, dissatisfiedCount, ...closing('top_dissatisfied', ctx.now) },
    timeline: [rated, entry(ctx.now, 'closed', SYSTEM, '已由区市指挥中心办理，按不满意完结')],
  };
}

export function autoClose(a: AppealDoc, ctx: Ctx): Transition {
  if (a.status !== 'resolved') throw conflict('只有已办结待评价的诉求可以自动完结');
  if (!a.autoCloseAt || a.autoCloseAt.getTime() > ctx.now.getTime()) throw conflict('尚未到自动完结时间');
  return {
    kind: 'autoClose',
    patch: closing('auto', ctx.now),
    timeline: [entry(ctx.now, 'closed', SYSTEM, `超过${APPEAL_LIMITS.autoCloseDays}天未评价，系统自动完结`)],
  };
}

/** 即将超期: the warning goes out once per clock. */
export function warn(a: AppealDoc, ctx: Ctx): Transition {
  if (!isOpen(a) || !a.warnNoticeAt || a.warnNoticeAt.getTime() > ctx.now.getTime()) throw conflict('无需提醒');
  return { kind: 'warn', patch: { warnNoticeAt: null }, timeline: [] };
}

export const FOLLOW_TIMELINE_LIMIT = 10;

export function follow(a: AppealDoc, openid: string, ctx: Ctx): Transition {
  if (!isOpen(a)) throw conflict('该诉求已办结，无需再附议');
  const followerCount = a.followerCount + 1;
  return {
    kind: 'follow',
    patch: { followers: [...a.followers, openid], followerCount },
    timeline:
      followerCount <= FOLLOW_TIMELINE_LIMIT
        ? [entry(ctx.now, 'followed', SYSTEM, `又有1位居民反映了同样的问题（共${followerCount + 1}人）`)]
        : [],
  };
}

/** The appeal after a transition (the version moves on; effects are added by the caller). */
export function applyTransition(a: AppealDoc, t: Transition): AppealDoc {
  return { ...a, ...t.patch, timeline: [...a.timeline, ...t.timeline], version: a.version + 1 };
}

/** The new appeal from a decided route. */
export function file(
  base: Pick<AppealDoc, '_id' | 'no' | 'requestId' | 'resident' | 'category' | 'description' | 'photos' | 'place' | 'filedDay'>,
  decision: RouteDecision,
  ctx: Ctx,
): AppealDoc {
  const schedule = ctx.schedule ?? defaultSchedule;
  const respond = respondClock(base.category, ctx.now, schedule);
  const resolveC = resolveClock(base.category, ctx.now, schedule);
  const { holder } = decision;
  const isPropertyVisible = holder.kind === 'property' || (base.place.propertyCompanyId !== null && categoryIsProperty(base.category));
  const resident: ActorRef = { kind: 'resident', openid: base.resident.openid, name: base.resident.name };
  return {
    ...base,
    route: { target: decision.target, source: decision.source, fallback: decision.fallback },
    status: 'pending',
    level: holder.level,
    holder,
    holderKey: holderKey(holder),
    handler: null,
    firstResponder: null,
    propertyCompanyId: isPropertyVisible ? base.place.propertyCompanyId : null,
    deadlines: {
      respondBy: respond.dueAt,
      respondWarnAt: respond.warnAt,
      resolveBy: resolveC.dueAt,
      resolveWarnAt: resolveC.warnAt,
      originalRespondBy: respond.dueAt,
      originalResolveBy: resolveC.dueAt,
    },
    ...activeClock('respond', respond, holder.level),
    autoCloseAt: null,
    filedAt: ctx.now,
    firstRespondedAt: null,
    firstResolvedAt: null,
    resolvedAt: null,
    closedAt: null,
    closeReason: null,
    lastActivityAt: ctx.now,
    escalationCount: 0,
    dissatisfiedCount: 0,
    pressCount: 0,
    rating: null,
    resolution: null,
    followers: [],
    followerCount: 0,
    timeline: [
      entry(ctx.now, 'filed', resident, `群众通过楼栋码提交诉求，编号${base.no}`),
      entry(ctx.now, 'routed', SYSTEM, decision.note, { meta: { rule: decision.rule, target: decision.target, source: decision.source } }),
    ],
    effects: [],
    effectsPending: false,
    version: 1,
  };
}
