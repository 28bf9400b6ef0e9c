/** `volunteerRecords`: one versioned document per person and activity — check-in/out and its history. */
import { commandRunner, type NotifyEffect } from '../../core/commands/runner';
import { versionedCollection } from '../../core/commands/versioned';
import { database } from '../../core/platform/cloud';
import { recordId, type ActivityDoc, type Person, type RecordDoc } from '../domain/model';

export const recordsCollection = versionedCollection<RecordDoc, NotifyEffect>('volunteerRecords');

export const recordCommands = commandRunner<RecordDoc, NotifyEffect>({
  collection: recordsCollection,
  messages: { notFound: '找不到该服务记录', stale: '该记录刚刚有了变化，请刷新后重试', lostRace: '该记录正被同时修改，请稍后重试' },
});

export function blankRecord(a: ActivityDoc, who: Person, now: Date): RecordDoc {
  return {
    _id: recordId(a._id, who.openid),
    activityId: a._id,
    communityId: a.communityId,
    communityPath: a.communityPath,
    openid: who.openid,
    name: who.name,
    activity: { title: a.title, type: a.type, teamName: a.teamName, communityName: a.communityName, start: a.start, end: a.end },
    start: a.start,
    checkInAt: null,
    checkOutAt: null,
    corrected: false,
    history: [],
    createdAt: now,
    version: 1,
    effects: [],
    effectsPending: false,
  };
}

export const recordsRepo = {
  get: (id: string) => recordsCollection.get(id),

  /** The person's record of the activity, created when missing (idempotent by its `_id`). */
  async ensure(a: ActivityDoc, who: Person, now: Date): Promise<RecordDoc> {
    const id = recordId(a._id, who.openid);
    const found = await recordsCollection.get(id);
    if (found) return found;
    await recordsCollection.insert(blankRecord(a, who, now));
    return (await recordsCollection.get(id)) as RecordDoc;
  },

  async ofPerson(openid: string): Promise<RecordDoc[]> {
    const { data } = await database().collection('volunteerRecords').where({ openid }).orderBy('start', 'desc').limit(1000).get();
    return data as RecordDoc[];
  },

  /** The records of some people whose activity started in [from, until). */
  async ofPeopleBetween(openids: string[], from: Date, until: Date): Promise<RecordDoc[]> {
    if (openids.length === 0) return [];
    const _ = database().command;
    const { data } = await database().collection('volunteerRecords').where({ openid: _.in(openids), start: _.gte(from).and(_.lt(until)) }).limit(1000).get();
    return data as RecordDoc[];
  },

  async ofActivity(activityId: string): Promise<RecordDoc[]> {
    const { data } = await database().collection('volunteerRecords').where({ activityId }).limit(1000).get();
    return data as RecordDoc[];
  },
};
