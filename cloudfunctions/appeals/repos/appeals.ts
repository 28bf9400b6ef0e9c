/**
 * The `appeals` collection: the only code that knows its shape and indexes. Every state change is one
 * conditional write on `version`, carrying its timeline entries and its effects (notifications,
 * counters, bulletin) in the same document write.
 */
import { OPEN_STATUSES, type AppealCategory, type AppealStatus } from '../../../types/appeals.constants';
import type { OrgLevel } from '../../../types/org.constants';
import { PLACE_UNIT, type AppealDoc, type Effect, type TimelineEntry } from '../domain/model';
import type { ListedAppeal } from '../domain/views';
import { cmd, db, isDuplicate, replacing } from './db';

const appeals = () => db().collection('appeals');

/** Fields a list needs: everything but the timeline, the effects and the followers. */
export const LIST_FIELDS: Record<keyof ListedAppeal, true> = {
  _id: true,
  no: true,
  category: true,
  description: true,
  photos: true,
  status: true,
  level: true,
  place: true,
  holder: true,
  handler: true,
  firstResponder: true,
  dueAt: true,
  warnAt: true,
  filedAt: true,
  lastActivityAt: true,
  rating: true,
  escalationCount: true,
  pressCount: true,
  followerCount: true,
  resident: true,
};

export type InboxScope =
  | { kind: 'place'; level: OrgLevel; unitIds: string[] }
  | { kind: 'property'; companyId: string }
  | { kind: 'holders'; keys: string[] }
  | { kind: 'handler'; openid: string }
  | { kind: 'firstResponder'; openid: string };

export interface InboxFilter {
  scope: InboxScope;
  status?: AppealStatus;
  category?: AppealCategory;
  /** Open and past its active deadline at `now`. */
  overdue?: boolean;
  /** Open, warned and not yet overdue at `now`. */
  dueSoon?: boolean;
  now: Date;
  page: number;
  pageSize: number;
}

function oneOrIn(values: string[]): unknown {
  return values.length === 1 ? values[0] : cmd().in(values);
}

function inboxWhere(f: InboxFilter): Record<string, unknown> {
  const _ = cmd();
  const where: Record<string, unknown> = {};
  switch (f.scope.kind) {
    case 'place':
      where[`place.${PLACE_UNIT[f.scope.level].id}`] = oneOrIn(f.scope.unitIds);
      break;
    case 'property':
      where.propertyCompanyId = f.scope.companyId;
      break;
    case 'holders':
      where.holderKey = oneOrIn(f.scope.keys);
      where.status = _.in(OPEN_STATUSES);
      break;
    case 'handler':
      where['handler.openid'] = f.scope.openid;
      break;
    case 'firstResponder':
      where['firstResponder.openid'] = f.scope.openid;
      break;
  }
  if (f.status) where.status = f.status;
  if (f.category) where.category = f.category;
  if (f.overdue || f.dueSoon) {
    if (!f.status) where.status = _.in(OPEN_STATUSES);
    if (f.overdue) where.dueAt = _.lt(f.now);
    else where.dueAt = _.gte(f.now);
    if (f.dueSoon) where.warnAt = _.lte(f.now);
  }
  return where;
}

/** One page of a list, newest first by `orderBy`, with the total the filter matches. */
async function listPage(where: Record<string, unknown>, orderBy: 'lastActivityAt' | 'filedAt', page: number, pageSize: number) {
  const [{ total }, { data }] = await Promise.all([
    appeals().where(where).count(),
    appeals()
      .where(where)
      .orderBy(orderBy, 'desc')
      .skip((page - 1) * pageSize)
      .limit(pageSize)
      .field(LIST_FIELDS)
      .get(),
  ]);
  return { total, items: data as ListedAppeal[] };
}

export const appealsRepo = {
  async get(id: string): Promise<AppealDoc | null> {
    const { data } = await appeals().where({ _id: id }).limit(1).get();
    return (data[0] as AppealDoc | undefined) ?? null;
  },

  /** Inserts a new appeal; false when one with the same `_id` exists (a retried filing). */
  async insert(doc: AppealDoc): Promise<boolean> {
    try {
      await appeals().add(doc);
      return true;
    } catch (error) {
      if (isDuplicate(error) || (await this.get(doc._id))) return false;
      throw error;
    }
  },

  /**
   * The one way a state changes: applies `patch` only if the appeal is still at `version`, appends
   * the timeline entries and the effects, and moves the version on. False when someone got there first.
   */
  async commit(id: string, version: number, patch: Partial<AppealDoc>, timeline: TimelineEntry[], effects: Effect[]): Promise<boolean> {
    const _ = cmd();
    const data: Record<string, unknown> = { ...replacing(patch as Record<string, unknown>), version: version + 1 };
    delete data._id;
    delete data.timeline;
    delete data.effects;
    if (timeline.length > 0) data.timeline = _.push(timeline);
    if (effects.length > 0) {
      data.effects = _.push(effects);
      data.effectsPending = true;
    }
    const { updated } = await appeals().where({ _id: id, version }).update(data);
    return updated === 1;
  },

  /** Drops applied effects, unless the appeal moved on meanwhile (its next writer re-applies them, idempotently). */
  async clearEffects(id: string, version: number): Promise<void> {
    await appeals().where({ _id: id, version }).update({ effects: cmd().set([]), effectsPending: false });
  },

  inbox(f: InboxFilter): Promise<{ items: ListedAppeal[]; total: number }> {
    return listPage(inboxWhere(f), 'lastActivityAt', f.page, f.pageSize);
  },

  ofResident(openid: string, scope: 'own' | 'followed', page: number, pageSize: number): Promise<{ items: ListedAppeal[]; total: number }> {
    return listPage(scope === 'own' ? { 'resident.openid': openid } : { followers: openid }, 'filedAt', page, pageSize);
  },

  /** Open appeals of a category at a building filed since `since`. */
  async similar(buildingId: string, category: AppealCategory, since: Date): Promise<Array<ListedAppeal & Pick<AppealDoc, 'followers'>>> {
    const _ = cmd();
    const { data } = await appeals()
      .where({ 'place.buildingId': buildingId, category, filedAt: _.gte(since), status: _.in(OPEN_STATUSES) })
      .orderBy('filedAt', 'desc')
      .limit(20)
      .field({ ...LIST_FIELDS, followers: true })
      .get();
    return data as Array<ListedAppeal & Pick<AppealDoc, 'followers'>>;
  },

  /** Appeals whose timer field (escalateAt / warnNoticeAt / autoCloseAt) has come, oldest first. */
  async due(field: 'escalateAt' | 'warnNoticeAt' | 'autoCloseAt', now: Date, limit: number): Promise<AppealDoc[]> {
    const { data } = await appeals()
      .where({ [field]: cmd().lte(now) })
      .orderBy(field, 'asc')
      .limit(limit)
      .get();
    return data as AppealDoc[];
  },

  /** Appeals whose effects were written but not (yet) applied, last touched before `before`. */
  async withPendingEffects(before: Date, limit: number): Promise<AppealDoc[]> {
    const { data } = await appeals()
      .where({ effectsPending: true, lastActivityAt: cmd().lte(before) })
      .limit(limit)
      .get();
    return data as AppealDoc[];
  },
};
