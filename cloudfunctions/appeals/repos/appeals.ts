/**
 * The `appeals` collection: the only code that knows its shape and indexes. Every state change is one
 * conditional write on `version`, carrying its timeline entries and its effects (notifications,
 * counters, bulletin) in the same document write.
 */
import { OPEN_STATUSES, type AppealCategory, type AppealStatus } from '../../../types/appeals.constants';
import type { OrgLevel } from '../../../types/org.constants';
import type { Page, PageRequest } from '../../../types/paging';
import { LEVEL } from '../../core/auth/jurisdiction';
import { listPage } from '../../core/db/list';
import { versionedCollection } from '../../core/commands/versioned';
import type { AppealDoc, Effect } from '../domain/model';
import type { ListedAppeal } from '../domain/views';
import { cmd, db } from './db';

const appeals = () => db().collection('appeals');

/** Appeals are versioned documents: every change is the kernel runner's conditional write. */
export const appealsCollection = versionedCollection<AppealDoc, Effect>('appeals');

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
  screening: true,
};

export type TimerField = 'escalateAt' | 'warnNoticeAt' | 'autoCloseAt';

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
  page: PageRequest;
}

function oneOrIn(values: string[]): unknown {
  return values.length === 1 ? values[0] : cmd().in(values);
}

function inboxWhere(f: InboxFilter): Record<string, unknown> {
  const _ = cmd();
  const where: Record<string, unknown> = {};
  switch (f.scope.kind) {
    case 'place':
      where[`place.${LEVEL[f.scope.level].id}`] = oneOrIn(f.scope.unitIds);
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

export const appealsRepo = {
  get: (id: string) => appealsCollection.get(id),

  inbox(f: InboxFilter): Promise<Page<ListedAppeal>> {
    return listPage<ListedAppeal>('appeals', { where: inboxWhere(f), orderBy: 'lastActivityAt', fields: LIST_FIELDS }, f.page);
  },

  ofResident(openid: string, scope: 'own' | 'followed', page: PageRequest): Promise<Page<ListedAppeal>> {
    const where = scope === 'own' ? { 'resident.openid': openid } : { followers: openid };
    return listPage<ListedAppeal>('appeals', { where, orderBy: 'filedAt', fields: LIST_FIELDS }, page);
  },

  /** Open appeals of a category at a building filed since `since`. */
  async similar(buildingId: string, category: AppealCategory, since: Date): Promise<Array<ListedAppeal & Pick<AppealDoc, 'followers'>>> {
    const _ = cmd();
    const { data } = await appeals()
      .where({ 'place.buildingId': buildingId, category, filedAt: _.gte(since), status: _.in(OPEN_STATUSES), screening: _.neq('review') })
      .orderBy('filedAt', 'desc')
      .limit(20)
      .field({ ...LIST_FIELDS, followers: true })
      .get();
    return data as Array<ListedAppeal & Pick<AppealDoc, 'followers'>>;
  },

};
