/** `volunteerActivities`: one versioned document per activity, its roster inside (see domain/model.ts). */
import type { Page, PageRequest } from '../../../types/paging';
import { commandRunner, type NotifyEffect } from '../../core/commands/runner';
import { versionedCollection } from '../../core/commands/versioned';
import { dueBatch } from '../../core/db/keyset';
import { listPage } from '../../core/db/list';
import { database } from '../../core/platform/cloud';
import type { ActivityDoc } from '../domain/model';
import type { SummaryDoc } from '../domain/views';

export const activitiesCollection = versionedCollection<ActivityDoc, NotifyEffect>('volunteerActivities');

export const activityCommands = commandRunner<ActivityDoc, NotifyEffect>({
  collection: activitiesCollection,
  messages: { notFound: '找不到该活动', stale: '该活动刚刚有了变化，请刷新后重试', lostRace: '报名人数较多，请稍后重试' },
});

/** What lists read: everything but the roster (it can hold hundreds of entries) and the code. */
const SUMMARY: Record<keyof SummaryDoc, true> = {
  _id: true, communityId: true, communityName: true, communityPath: true, teamId: true, teamName: true, leaderOpenid: true, unitId: true,
  title: true, type: true, description: true, place: true, start: true, end: true, capacity: true, requirements: true,
  status: true, cancelReason: true, seatedCount: true, waitingCount: true, remindAt: true, createdBy: true, createdAt: true,
  version: true, effectsPending: true, effectsAt: true,
};

export const activitiesRepo = {
  get: (id: string) => activitiesCollection.get(id),

  /** Published activities of a community not yet ended, soonest first. */
  upcoming(communityId: string, now: Date, teamId: string | undefined, page: PageRequest): Promise<Page<SummaryDoc>> {
    const _ = database().command;
    const where: Record<string, unknown> = { communityId, status: 'published', end: _.gte(now) };
    if (teamId) where.teamId = teamId;
    return listPage<SummaryDoc>('volunteerActivities', { where, orderBy: 'start', direction: 'asc', fields: SUMMARY }, page);
  },

  /** What a manager sees: by community (staff) or by their teams (leader), upcoming or past. */
  managed(filter: { communityId?: string; teamIds?: string[] }, scope: 'upcoming' | 'past', now: Date, page: PageRequest): Promise<Page<SummaryDoc>> {
    const _ = database().command;
    const where: Record<string, unknown> = { end: scope === 'upcoming' ? _.gte(now) : _.lt(now) };
    if (filter.communityId) where.communityId = filter.communityId;
    else where.teamId = _.in(filter.teamIds ?? []);
    return listPage<SummaryDoc>('volunteerActivities', { where, orderBy: 'start', direction: scope === 'upcoming' ? 'asc' : 'desc', fields: SUMMARY }, page);
  },

  byIds: async (ids: string[]): Promise<ActivityDoc[]> => {
    if (ids.length === 0) return [];
    const _ = database().command;
    const { data } = await database().collection('volunteerActivities').where({ _id: _.in(ids) }).limit(1000).get();
    return data as ActivityDoc[];
  },

  /** A new leader manages the team's activities (their rosters and corrections) from now on. */
  async setLeader(teamId: string, leaderOpenid: string): Promise<void> {
    await database().collection('volunteerActivities').where({ teamId }).update({ leaderOpenid });
  },

  dueReminders: (now: Date, after: ActivityDoc | null, limit: number) => dueBatch<ActivityDoc>('volunteerActivities', 'remindAt', now, after, limit),
};
